"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { recordAccountConfirmation } from "@/lib/server/confirmations/record-account-confirmation";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";

// Thin adapter: the use case authorises (role, maker ≠ confirmer), validates, checks the version and audits.
export async function recordAccountConfirmationAction(input: unknown) {
  return asActionResult(async () => recordAccountConfirmation({ actor: await requireActor("change:confirm"), input, requestMeta: await currentRequestMeta() }));
}
