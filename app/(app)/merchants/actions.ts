"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { requestStatusChange } from "@/lib/server/merchants/request-status-change";
import { submitMerchantChange } from "@/lib/server/merchants/submit-merchant-change";
import { unmaskAccountNumber } from "@/lib/server/merchants/unmask-sensitive";
import { currentRequestMeta } from "@/lib/server/request-meta";

export async function unmaskAccountAction(input: unknown) {
  return asActionResult(async () => unmaskAccountNumber({ actor: await requireActor("account:unmask"), input, requestMeta: await currentRequestMeta() }), "read-only-safe");
}

export async function submitMerchantChangeAction(input: unknown) {
  return asActionResult(async () => submitMerchantChange({ actor: await requireActor("change:submit"), input, requestMeta: await currentRequestMeta() }));
}

export async function requestStatusChangeAction(input: unknown) {
  return asActionResult(async () => requestStatusChange({ actor: await requireActor("change:submit"), input, requestMeta: await currentRequestMeta() }));
}
