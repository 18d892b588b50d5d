"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";
import { closeCampaign } from "@/lib/server/spot-checks/close-campaign";
import { countPopulation } from "@/lib/server/spot-checks/count-population";
import { createCampaign } from "@/lib/server/spot-checks/create-campaign";
import { createSchedule } from "@/lib/server/spot-checks/create-schedule";
import { reassignItem } from "@/lib/server/spot-checks/reassign-item";
import { recordItemOutcome } from "@/lib/server/spot-checks/record-item-outcome";
import { setScheduleActive } from "@/lib/server/spot-checks/set-schedule-active";

export async function createCampaignAction(input: unknown) {
  return asActionResult(async () => createCampaign({ actor: await requireActor("spotcheck:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function countPopulationAction(input: unknown) {
  return asActionResult(async () => countPopulation({ actor: await requireActor("spotcheck:manage"), input }), "read-only-safe");
}

export async function reassignItemAction(input: unknown) {
  return asActionResult(async () => reassignItem({ actor: await requireActor("spotcheck:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function recordItemOutcomeAction(input: unknown) {
  return asActionResult(async () => recordItemOutcome({ actor: await requireActor("spotcheck:perform"), input, requestMeta: await currentRequestMeta() }));
}

export async function closeCampaignAction(input: unknown) {
  return asActionResult(async () => closeCampaign({ actor: await requireActor("spotcheck:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function createScheduleAction(input: unknown) {
  return asActionResult(async () => createSchedule({ actor: await requireActor("spotcheck:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function setScheduleActiveAction(input: unknown) {
  return asActionResult(async () => setScheduleActive({ actor: await requireActor("spotcheck:manage"), input, requestMeta: await currentRequestMeta() }));
}
