"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { cancelMaintenanceWindow } from "@/lib/server/maintenance/cancel-maintenance-window";
import { scheduleMaintenanceWindow } from "@/lib/server/maintenance/schedule-maintenance-window";
import { setReadOnly } from "@/lib/server/maintenance/set-read-only";
import { currentRequestMeta } from "@/lib/server/request-meta";

// Read-only-safe on purpose: an admin must be able to plan, call off and end maintenance during it.
export async function scheduleMaintenanceWindowAction(input: unknown) {
  return asActionResult(async () => scheduleMaintenanceWindow({ actor: await requireActor("settings:manage"), input, requestMeta: await currentRequestMeta() }), "read-only-safe");
}

export async function cancelMaintenanceWindowAction(input: unknown) {
  return asActionResult(async () => cancelMaintenanceWindow({ actor: await requireActor("settings:manage"), input, requestMeta: await currentRequestMeta() }), "read-only-safe");
}

export async function setReadOnlyAction(input: unknown) {
  return asActionResult(async () => setReadOnly({ actor: await requireActor("settings:manage"), input, requestMeta: await currentRequestMeta() }), "read-only-safe");
}
