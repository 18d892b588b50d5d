import "server-only";
import { ZSetUserDisabledSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { assertAnotherActiveAdmin, guardedUserUpdate } from "./guarded-user-update";

/** Disabling ends every session of the user in the same transaction: the next request is refused. */
export async function setUserDisabled({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "user:manage");
  const data = parseInput(ZSetUserDisabledSchema, input);
  if (data.userId === actor.id) throw new UseCaseError("FORBIDDEN", { _form: ["validation.user.notSelf"] });
  const db = await prisma();
  await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: data.userId } });
    if (data.disabled && target?.role === "ADMIN") await assertAnotherActiveAdmin(tx, data.userId);
    await guardedUserUpdate(tx, data, data.disabled ? { disabledAt: new Date() } : { disabledAt: null, failedSignIns: 0, lockedUntil: null });
    if (data.disabled) {
      const { count } = await tx.session.deleteMany({ where: { userId: data.userId } });
      await recordAuditEvent(tx, { action: "user.disabled", entity: "user", entityId: data.userId, after: { sessionsEnded: count } }, actor, requestMeta);
    } else {
      await recordAuditEvent(tx, { action: "user.enabled", entity: "user", entityId: data.userId }, actor, requestMeta);
    }
  });
}
