import "server-only";
import { ZResetUserPasswordSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { hashPassword } from "@/lib/server/auth/password";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { guardedUserUpdate } from "./guarded-user-update";

/** The user must choose a new password at next sign-in; a reset also clears lockout and ends sessions. */
export async function resetUserPassword({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "user:manage");
  const data = parseInput(ZResetUserPasswordSchema, input);
  if (data.userId === actor.id) throw new UseCaseError("FORBIDDEN", { _form: ["validation.user.notSelf"] });
  const passwordHash = await hashPassword(data.newPassword);
  const db = await prisma();
  await db.$transaction(async (tx) => {
    await guardedUserUpdate(tx, data, { passwordHash, mustChangePassword: true, failedSignIns: 0, lockedUntil: null });
    const { count } = await tx.session.deleteMany({ where: { userId: data.userId } });
    await recordAuditEvent(tx, { action: "user.password-reset", entity: "user", entityId: data.userId, after: { sessionsEnded: count } }, actor, requestMeta);
  });
}
