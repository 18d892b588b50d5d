import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import type { RequestMeta } from "@/lib/server/request-meta";
import { lastCheckpoint, verifyAndCheckpoint } from "./checkpoint";
import { recordAuditEvent } from "./record-audit-event";

/** For the verification screen: the newest checkpoint written outside the database. */
export function auditCheckpointStatus(actor: Actor | null) {
  authorize(actor, "audit:verify");
  return { last: lastCheckpoint() };
}

/**
 * Walks the whole chain on demand, compares it with the last checkpoint kept outside the database,
 * writes a new checkpoint when intact, and records who checked and what they found.
 */
export async function verifyAuditTrail({ actor, requestMeta }: { actor: Actor | null; requestMeta: RequestMeta }) {
  authorize(actor, "audit:verify");
  const db = await prisma();
  const verdict = await verifyAndCheckpoint(db);
  await db.$transaction((tx) =>
    verdict.ok
      ? recordAuditEvent(tx, { action: "audit.checkpoint", entity: "audit", entityId: "chain", after: { seq: verdict.written.seq, hash: verdict.written.hash } }, actor, requestMeta)
      : recordAuditEvent(tx, { action: "audit.verify-failed", entity: "audit", entityId: "chain", after: { brokenAt: verdict.brokenAt.toString(), reason: verdict.reason } }, actor, requestMeta),
  );
  return verdict.ok
    ? { ok: true as const, through: verdict.through.toString(), checkedAt: verdict.written.at, previous: verdict.previous }
    : { ok: false as const, brokenAt: verdict.brokenAt.toString(), reason: verdict.reason, previous: verdict.previous };
}
