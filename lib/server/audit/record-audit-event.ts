import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalAuditRow } from "@/lib/domain/audit/canonical";
import { ZAuditEventSchema, type TAuditEvent } from "@/lib/domain/audit/events";
import type { RequestMeta } from "@/lib/server/request-meta";

export type AuditActor = { id: string; username: string } | null;

export function hashAuditRow(prevHash: string, canonical: string) {
  return crypto.createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

/**
 * Appends one event to the chain inside the caller's transaction. Locking the single head row
 * serialises every writer, so sequence numbers have no gaps and the chain cannot fork; if the
 * caller's transaction rolls back, the event and the head move vanish with it.
 */
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  event: TAuditEvent,
  actor: AuditActor,
  meta: RequestMeta,
) {
  const parsed = ZAuditEventSchema.parse(event);
  const [head] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT seq, hash FROM "AuditChainHead" WHERE id = 1 FOR UPDATE`;
  if (!head) throw new Error("Audit chain head is missing: the database was not migrated.");
  const row = {
    seq: BigInt(head.seq) + 1n,
    at: new Date(),
    actorId: actor?.id ?? null,
    actorName: actor?.username ?? null,
    action: parsed.action,
    entity: parsed.entity,
    entityId: parsed.entityId ?? null,
    ip: meta.ip,
    userAgent: meta.userAgent,
    before: "before" in parsed ? (parsed.before ?? null) : null,
    after: "after" in parsed ? (parsed.after ?? null) : null,
  };
  const hash = hashAuditRow(head.hash, canonicalAuditRow(row));
  await tx.auditEvent.create({
    data: {
      ...row,
      before: row.before === null ? undefined : (row.before as Prisma.InputJsonValue),
      after: row.after === null ? undefined : (row.after as Prisma.InputJsonValue),
      prevHash: head.hash,
      hash,
    },
  });
  await tx.auditChainHead.update({ where: { id: 1 }, data: { seq: row.seq, hash } });
  return { seq: row.seq, hash };
}
