import "server-only";
import { ZTotpCodeSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import type { Actor } from "./current-actor";
import { LOCKOUT_AFTER_FAILURES, LOCKOUT_MINUTES } from "./sign-in";
import { newTotpSecret, totpFor, verifyTotp } from "./totp";

/** Starts (or restarts) enrolment: a fresh secret that only becomes active once a code proves it. */
export async function beginTotpEnrolment(actor: Actor) {
  if (actor.mfaEnrolled) throw new UseCaseError("CONFLICT");
  const db = await prisma();
  const secret = newTotpSecret();
  await db.user.update({ where: { id: actor.id }, data: { totpSecret: secret } });
  return { secret, uri: totpFor(actor.username, secret).toString() };
}

/** Confirms enrolment or passes the second factor for this session; wrong codes count toward lockout. */
export async function verifySecondFactor(actor: Actor, input: unknown, meta: RequestMeta) {
  const { code } = parseInput(ZTotpCodeSchema, input);
  const db = await prisma();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!user.totpSecret) throw new UseCaseError("CONFLICT");
  const who = { id: user.id, username: user.username };
  if (!verifyTotp(user.username, user.totpSecret, code)) {
    await db.$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 } } });
      await recordAuditEvent(tx, { action: "auth.mfa-failed", entity: "user", entityId: user.id }, who, meta);
      if (updated.failedSignIns >= LOCKOUT_AFTER_FAILURES) {
        const lockedUntil = new Date(Date.now() + LOCKOUT_MINUTES * 60_000);
        await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failedSignIns: 0 } });
        await tx.session.deleteMany({ where: { userId: user.id } });
        await recordAuditEvent(tx, { action: "auth.lockout", entity: "user", entityId: user.id, after: { lockedUntil: lockedUntil.toISOString() } }, null, meta);
      }
    });
    throw new UseCaseError("VALIDATION", { code: ["validation.totp.wrong"] });
  }
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.session.update({ where: { id: actor.sessionId }, data: { mfaPassedAt: now } });
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, ...(user.totpEnabledAt ? {} : { totpEnabledAt: now }) } });
    if (!user.totpEnabledAt) await recordAuditEvent(tx, { action: "auth.mfa-enrolled", entity: "user", entityId: user.id }, who, meta);
  });
}
