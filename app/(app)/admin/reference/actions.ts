"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { importCardBins } from "@/lib/server/reference/import-card-bins";
import { updateMcc } from "@/lib/server/reference/update-mcc";
import { currentRequestMeta } from "@/lib/server/request-meta";

// Thin adapters: each authenticates, then hands the raw input to its use case, which authorises,
// validates, checks the version and audits in one transaction.

export async function updateMccAction(input: unknown) {
  return asActionResult(async () => updateMcc({ actor: await requireActor("reference:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function importCardBinsAction(input: unknown) {
  return asActionResult(async () => importCardBins({ actor: await requireActor("reference:manage"), input, requestMeta: await currentRequestMeta() }));
}
