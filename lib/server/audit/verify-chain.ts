import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalAuditRow, GENESIS_HASH } from "@/lib/domain/audit/canonical";
import { hashAuditRow } from "./record-audit-event";

export type ChainVerdict =
  | { intact: true; through: bigint; headHash: string }
  | { intact: false; brokenAt: bigint; reason: string };

const BATCH = 2000;

/** Walks the whole chain from the genesis hash; reports the first broken link and why. */
export async function verifyAuditChain(prisma: PrismaClient): Promise<ChainVerdict> {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { intact: false, brokenAt: expectedSeq, reason: `event ${expectedSeq} is missing (next present is ${row.seq})` };
      }
      if (row.prevHash !== prevHash) {
        return { intact: false, brokenAt: row.seq, reason: `event ${row.seq} does not link to the hash of event ${row.seq - 1n}` };
      }
      if (hashAuditRow(prevHash, canonicalAuditRow(row)) !== row.hash) {
        return { intact: false, brokenAt: row.seq, reason: `event ${row.seq} was altered: its content does not match its hash` };
      }
      prevHash = row.hash;
      expectedSeq += 1n;
    }
    if (rows.length < BATCH) break;
  }
  const through = expectedSeq - 1n;
  const head = await prisma.auditChainHead.findUnique({ where: { id: 1 } });
  if (head && (head.seq !== through || head.hash !== prevHash)) {
    return {
      intact: false,
      brokenAt: through + 1n,
      reason: `the chain ends at event ${through} but its head records event ${head.seq}: the newest events were deleted`,
    };
  }
  return { intact: true, through, headHash: prevHash };
}
