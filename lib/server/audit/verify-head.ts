import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalAuditRow } from "@/lib/domain/audit/canonical";
import { hashAuditRow } from "./record-audit-event";

/** Cheap enough for every health probe: the head row matches the newest event, whose hash recomputes. */
export async function verifyAuditHead(prisma: PrismaClient) {
  const head = await prisma.auditChainHead.findUnique({ where: { id: 1 } });
  if (!head) return { ok: false, seq: "0", reason: "chain head missing" };
  if (head.seq === 0n) return { ok: true, seq: "0" };
  const newest = await prisma.auditEvent.findFirst({ orderBy: { seq: "desc" } });
  if (!newest || newest.seq !== head.seq) return { ok: false, seq: head.seq.toString(), reason: "newest event does not match the head" };
  if (hashAuditRow(newest.prevHash, canonicalAuditRow(newest)) !== head.hash || newest.hash !== head.hash) {
    return { ok: false, seq: head.seq.toString(), reason: "newest event does not hash to the head" };
  }
  return { ok: true, seq: head.seq.toString() };
}
