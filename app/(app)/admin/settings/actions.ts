"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";
import { updateSettings } from "@/lib/server/settings/update-settings";

// Thin adapter: the use case authorises, validates, checks each row's version and audits.
export async function updateSettingsAction(input: unknown) {
  return asActionResult(async () => updateSettings({ actor: await requireActor("settings:manage"), input, requestMeta: await currentRequestMeta() }));
}
