"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { createUser } from "@/lib/server/users/create-user";
import { endUserSessions } from "@/lib/server/users/end-user-sessions";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { setUserDisabled } from "@/lib/server/users/set-user-disabled";

// Thin adapters: each authenticates, then hands the raw input to its use case, which authorises,
// validates, checks the version and audits in one transaction.

export async function createUserAction(input: unknown) {
  return asActionResult(async () => createUser({ actor: await requireActor("user:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function changeUserRoleAction(input: unknown) {
  return asActionResult(async () => changeUserRole({ actor: await requireActor("user:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function setUserDisabledAction(input: unknown) {
  return asActionResult(async () => setUserDisabled({ actor: await requireActor("user:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function resetUserPasswordAction(input: unknown) {
  return asActionResult(async () => resetUserPassword({ actor: await requireActor("user:manage"), input, requestMeta: await currentRequestMeta() }));
}

export async function endUserSessionsAction(input: unknown) {
  return asActionResult(async () => endUserSessions({ actor: await requireActor("user:manage"), input, requestMeta: await currentRequestMeta() }));
}
