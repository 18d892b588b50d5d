"use server";

import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";

export async function createApiTokenAction(input: unknown) {
  return asActionResult(async () => createApiToken({ actor: await requireActor("api-token:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function revokeApiTokenAction(input: unknown) {
  return asActionResult(async () => revokeApiToken({ actor: await requireActor("api-token:manage"), input, requestMeta: await currentRequestMeta() }));
}
