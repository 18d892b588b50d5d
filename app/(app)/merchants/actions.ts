"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { unmaskAccountNumber } from "@/lib/server/merchants/unmask-sensitive";
import { currentRequestMeta } from "@/lib/server/request-meta";

export async function unmaskAccountAction(input: unknown) {
  return asActionResult(async () => unmaskAccountNumber({ actor: await requireActor("account:unmask"), input, requestMeta: await currentRequestMeta() }));
}
