import "server-only";
import { ZSignInSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { lockKeyForTransaction } from "@/lib/server/db/transaction-lock";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { verifyPassword } from "./password";
import { createSession } from "./session-store";

export const LOCKOUT_AFTER_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
export const ADDRESS_FAILURE_LIMIT = 20;
export const ADDRESS_WINDOW_MINUTES = 15;

type SignInResult = { token: string; locale: string; needsMfa: boolean };
type Attempt = { ip: string; username: string; now: Date; meta: RequestMeta };

async function auditFailure(tx: Prisma.TransactionClient, attempt: Attempt, userId: string | null, reason: string) {
  await recordAuditEvent(tx, { action: "auth.sign-in-failed", entity: "user", entityId: userId, after: { username: attempt.username, reason } }, null, attempt.meta);
}

async function lockAccount(tx: Prisma.TransactionClient, attempt: Attempt, userId: string): Promise<Date> {
  const lockedUntil = new Date(attempt.now.getTime() + LOCKOUT_MINUTES * 60_000);
  await tx.user.update({ where: { id: userId }, data: { lockedUntil, failedSignIns: 0 } });
  await recordAuditEvent(tx, { action: "auth.lockout", entity: "user", entityId: userId, after: { lockedUntil: lockedUntil.toISOString() } }, null, attempt.meta);
  return lockedUntil;
}

/**
 * Reserves the attempt before the password is checked: it counts as a failure of its address and
 * of its account until it succeeds. Counting first and recording after the (slow) password check
 * let a burst of concurrent guesses all pass the limits (decision 038). The address is serialised
 * by an advisory lock, the account by its row lock; neither is held while the password is hashed.
 */
async function reserveAttempt(tx: Prisma.TransactionClient, attempt: Attempt) {
  const { ip, username, now } = attempt;
  await lockKeyForTransaction(tx, `sign-in:${ip}`);
  const recentFromAddress = await tx.signInFailure.count({ where: { ip, at: { gte: new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000) } } });
  if (recentFromAddress >= ADDRESS_FAILURE_LIMIT) {
    await auditFailure(tx, attempt, null, "throttled");
    return { refusal: new UseCaseError("THROTTLED", {}, { minutes: ADDRESS_WINDOW_MINUTES }) };
  }

  await tx.$queryRaw`SELECT id FROM "User" WHERE username = ${username} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { username } });
  if (user?.lockedUntil && user.lockedUntil > now) {
    await auditFailure(tx, attempt, user.id, "locked");
    return { refusal: new UseCaseError("LOCKED", {}, { until: user.lockedUntil.toISOString() }) };
  }
  if (user && !user.disabledAt && user.failedSignIns >= LOCKOUT_AFTER_FAILURES) {
    // As many attempts in flight as failures allowed: one more is a burst, not a person.
    const lockedUntil = await lockAccount(tx, attempt, user.id);
    await auditFailure(tx, attempt, user.id, "locked");
    return { refusal: new UseCaseError("LOCKED", {}, { until: lockedUntil.toISOString() }) };
  }

  const reserved = await tx.signInFailure.create({ data: { ip, username, at: now }, select: { id: true } });
  if (user && !user.disabledAt) await tx.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 } } });
  return { user, reservedFailureId: reserved.id };
}

/**
 * Counters live in the database (not process memory) so lockout and per-address throttling hold
 * across every app instance.
 */
export async function signIn(input: unknown, meta: RequestMeta): Promise<SignInResult> {
  const { username, password } = parseInput(ZSignInSchema, input);
  const db = await prisma();
  const attempt: Attempt = { ip: meta.ip ?? "unknown", username, now: new Date(), meta };

  const reservation = await db.$transaction((tx) => reserveAttempt(tx, attempt));
  if ("refusal" in reservation) throw reservation.refusal;
  const { user, reservedFailureId } = reservation;

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.disabledAt) {
    await db.$transaction(async (tx) => {
      const reason = !user ? "unknown-user" : !passwordOk ? "bad-password" : "disabled";
      if (!user || user.disabledAt) return auditFailure(tx, attempt, user?.id ?? null, reason);
      // The account row before the audit head, the order every sign-in takes them in.
      const [current] = await tx.$queryRaw<{ failedSignIns: number; lockedUntil: Date | null }[]>`SELECT "failedSignIns", "lockedUntil" FROM "User" WHERE id = ${user.id} FOR UPDATE`;
      await auditFailure(tx, attempt, user.id, reason);
      const alreadyLocked = !!current?.lockedUntil && current.lockedUntil > attempt.now;
      if (current && !alreadyLocked && current.failedSignIns >= LOCKOUT_AFTER_FAILURES) await lockAccount(tx, attempt, user.id);
    });
    // One message for unknown user, wrong password and disabled account: no account enumeration.
    throw new UseCaseError("INVALID_CREDENTIALS");
  }

  const needsMfa = !!user.totpEnabledAt;
  const token = await db.$transaction(async (tx) => {
    await tx.signInFailure.deleteMany({ where: { id: reservedFailureId } });
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    const sessionToken = await createSession(tx, { userId: user.id, mfaPassed: false, meta });
    await recordAuditEvent(tx, { action: "auth.sign-in", entity: "user", entityId: user.id, after: { mfa: needsMfa } }, { id: user.id, username: user.username }, meta);
    return sessionToken;
  });
  return { token, locale: user.locale, needsMfa };
}
