import "server-only";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { prisma } from "@/lib/server/db";
import type { RequestMeta } from "@/lib/server/request-meta";
import type { Actor } from "./current-actor";

export async function signOut(actor: Actor | null, meta: RequestMeta) {
  if (!actor) return;
  const db = await prisma();
  await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: actor.sessionId } });
    await recordAuditEvent(tx, { action: "auth.sign-out", entity: "user", entityId: actor.id }, actor, meta);
  });
}
