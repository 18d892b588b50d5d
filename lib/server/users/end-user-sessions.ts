import "server-only";
import { ZEndUserSessionsSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

export async function endUserSessions({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "user:manage");
  const { userId } = parseInput(ZEndUserSessionsSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId } }))) throw new UseCaseError("NOT_FOUND");
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, { action: "user.sessions-ended", entity: "user", entityId: userId, after: { sessionsEnded: count } }, actor, requestMeta);
    return { sessionsEnded: count };
  });
}
