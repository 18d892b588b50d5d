import "server-only";
import { ZSignInSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { verifyPassword } from "./password";
import { createSession } from "./session-store";

export const LOCKOUT_AFTER_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
export const ADDRESS_FAILURE_LIMIT = 20;
export const ADDRESS_WINDOW_MINUTES = 15;

type SignInResult = { token: string; locale: string; needsMfa: boolean };

/**
 * Counters live in the database (not process memory) so lockout and per-address throttling hold
 * across every app instance. The failure is recorded in its own transaction with its audit event.
 */
export async function signIn(input: unknown, meta: RequestMeta): Promise<SignInResult> {
  const { username, password } = parseInput(ZSignInSchema, input);
  const db = await prisma();
  const now = new Date();
  const ip = meta.ip ?? "unknown";

  const recentFromAddress = await db.signInFailure.count({
    where: { ip, at: { gte: new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000) } },
  });
  if (recentFromAddress >= ADDRESS_FAILURE_LIMIT) {
    await db.$transaction(async (tx) => {
      await recordAuditEvent(tx, { action: "auth.sign-in-failed", entity: "user", entityId: null, after: { username, reason: "throttled" } }, null, meta);
    });
    throw new UseCaseError("THROTTLED", {}, { minutes: ADDRESS_WINDOW_MINUTES });
  }

  const user = await db.user.findUnique({ where: { username } });
  if (user?.lockedUntil && user.lockedUntil > now) {
    await db.$transaction(async (tx) => {
      await recordAuditEvent(tx, { action: "auth.sign-in-failed", entity: "user", entityId: user.id, after: { username, reason: "locked" } }, null, meta);
    });
    throw new UseCaseError("LOCKED", {}, { until: user.lockedUntil.toISOString() });
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.disabledAt) {
    await db.$transaction(async (tx) => {
      await tx.signInFailure.create({ data: { ip, username } });
      const reason = !user ? "unknown-user" : !passwordOk ? "bad-password" : "disabled";
      await recordAuditEvent(tx, { action: "auth.sign-in-failed", entity: "user", entityId: user?.id ?? null, after: { username, reason } }, null, meta);
      if (!user || user.disabledAt) return;
      const updated = await tx.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 } } });
      if (updated.failedSignIns >= LOCKOUT_AFTER_FAILURES) {
        const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
        await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failedSignIns: 0 } });
        await recordAuditEvent(tx, { action: "auth.lockout", entity: "user", entityId: user.id, after: { lockedUntil: lockedUntil.toISOString() } }, null, meta);
      }
    });
    // One message for unknown user, wrong password and disabled account: no account enumeration.
    throw new UseCaseError("INVALID_CREDENTIALS");
  }

  const needsMfa = !!user.totpEnabledAt;
  const token = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    const sessionToken = await createSession(tx, { userId: user.id, mfaPassed: false, meta });
    await recordAuditEvent(tx, { action: "auth.sign-in", entity: "user", entityId: user.id, after: { mfa: needsMfa } }, { id: user.id, username: user.username }, meta);
    return sessionToken;
  });
  return { token, locale: user.locale, needsMfa };
}
