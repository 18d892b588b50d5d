import "server-only";
import { ZChangeUserRoleSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { assertAnotherActiveAdmin, guardedUserUpdate } from "./guarded-user-update";

/**
 * One role per user is how "an admin never holds a business role" is kept. A role change ends the
 * user's sessions so new duties start from a fresh sign-in.
 */
export async function changeUserRole({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "user:manage");
  const data = parseInput(ZChangeUserRoleSchema, input);
  if (data.userId === actor.id) throw new UseCaseError("FORBIDDEN", { _form: ["validation.user.notSelf"] });
  const db = await prisma();
  await db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: data.userId } });
    // Saving the role a user already has would end their sessions and log a change that is none.
    if (current?.role === data.role) throw new UseCaseError("VALIDATION", { role: ["validation.user.roleUnchanged"] });
    if (current?.role === "ADMIN" && data.role !== "ADMIN") await assertAnotherActiveAdmin(tx, data.userId);
    const { before, after } = await guardedUserUpdate(tx, data, { role: data.role });
    await tx.session.deleteMany({ where: { userId: data.userId } });
    await recordAuditEvent(tx, { action: "user.role-changed", entity: "user", entityId: data.userId, before: { role: before.role }, after: { role: after.role } }, actor, requestMeta);
  });
}
