import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalAuditRow } from "@/lib/domain/audit/canonical";
import { ZAuditEventSchema, type TAuditEvent } from "@/lib/domain/audit/events";
import { assertWritableInTransaction } from "@/lib/server/maintenance/guard";
import type { RequestMeta } from "@/lib/server/request-meta";

function jsonOrNull(value: unknown) {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

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
  // Every mutation passes here inside its transaction: the read-only check that cannot be bypassed.
  // Before the head lock, so the lock order (switch, then head) is the toggle's too.
  await assertWritableInTransaction(tx, parsed.action);
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
  // The event and the head move in one statement: every audited write pays this under the head lock.
  await tx.$executeRaw`
    WITH appended AS (
      INSERT INTO "AuditEvent" ("seq", "at", "actorId", "actorName", "action", "entity", "entityId", "ip", "userAgent", "before", "after", "prevHash", "hash")
      VALUES (${row.seq}, ${row.at.toISOString()}::timestamp(3), ${row.actorId}, ${row.actorName}, ${row.action}, ${row.entity}, ${row.entityId},
              ${row.ip}, ${row.userAgent}, ${jsonOrNull(row.before)}::jsonb, ${jsonOrNull(row.after)}::jsonb, ${head.hash}, ${hash})
      RETURNING "seq")
    UPDATE "AuditChainHead" SET "seq" = (SELECT "seq" FROM appended), "hash" = ${hash} WHERE id = 1`;
  return { seq: row.seq, hash };
}
