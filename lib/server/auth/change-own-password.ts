import "server-only";
import { ZChangePasswordSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import type { Actor } from "./current-actor";
import { hashPassword, verifyPassword } from "./password";

/** Also clears a forced change after an admin reset; every other session of the user ends. */
export async function changeOwnPassword(actor: Actor, input: unknown, meta: RequestMeta) {
  const { currentPassword, newPassword } = parseInput(ZChangePasswordSchema, input);
  const db = await prisma();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new UseCaseError("VALIDATION", { currentPassword: ["validation.password.current"] });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, version: user.version },
      data: { passwordHash, mustChangePassword: false, version: { increment: 1 } },
    });
    if (count !== 1) throw new UseCaseError("CONFLICT");
    await tx.session.deleteMany({ where: { userId: user.id, id: { not: actor.sessionId } } });
    await recordAuditEvent(tx, { action: "auth.password-changed", entity: "user", entityId: user.id }, actor, meta);
  });
}
