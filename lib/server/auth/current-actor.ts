import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { hasPermission, roleNeedsMfa, type TPermission, type TRole } from "@/lib/domain/permissions";
import { prisma } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { UseCaseError } from "@/lib/server/errors";
import { readSessionToken } from "./session-cookie";
import { findValidSession } from "./session-store";

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: TRole;
  locale: string;
  sessionId: string;
  mfaPassed: boolean;
  mfaEnrolled: boolean;
  mustChangePassword: boolean;
  /** Set when the call came with an API token: the clerk it acts as, limited to the token's scopes. */
  apiToken?: { id: string; lookupId: string; scopes: readonly string[] };
};

export const currentActor = cache(async (): Promise<Actor | null> => {
  const found = await findValidSession(await prisma(), await readSessionToken());
  if (!found) return null;
  const { user, session } = found;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    sessionId: session.id,
    mfaPassed: !!session.mfaPassedAt,
    mfaEnrolled: !!user.totpEnabledAt,
    mustChangePassword: user.mustChangePassword,
  };
});

/** What stands between a signed-in user and their work, in the order they must clear it. */
export function pendingStep(actor: Actor): "PASSWORD_CHANGE_REQUIRED" | "MFA_REQUIRED" | null {
  if (actor.mustChangePassword) return "PASSWORD_CHANGE_REQUIRED";
  if (actor.mfaEnrolled && !actor.mfaPassed) return "MFA_REQUIRED";
  if (env().requireMfa && roleNeedsMfa(actor.role) && !actor.mfaPassed) return "MFA_REQUIRED";
  return null;
}

/** Every server action and route handler calls this first; a page's own check never counts. */
export async function requireActor(permission?: TPermission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UseCaseError("UNAUTHENTICATED");
  const step = pendingStep(actor);
  if (step) throw new UseCaseError(step);
  if (permission && !hasPermission(actor.role, permission)) throw new UseCaseError("FORBIDDEN", {}, { permission });
  return actor;
}

export async function requirePageActor(permission?: TPermission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const step = pendingStep(actor);
  if (step === "PASSWORD_CHANGE_REQUIRED") redirect("/account/password");
  if (step === "MFA_REQUIRED") redirect(actor.mfaEnrolled ? "/mfa" : "/mfa/enroll");
  if (permission && !hasPermission(actor.role, permission)) redirect("/forbidden");
  return actor;
}

/** For the steps that clear a pending requirement (forced password change, second factor). */
export async function requireSignedIn(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UseCaseError("UNAUTHENTICATED");
  return actor;
}
