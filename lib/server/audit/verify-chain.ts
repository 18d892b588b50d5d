import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalAuditRow, GENESIS_HASH } from "@/lib/domain/audit/canonical";
import { hashAuditRow } from "./record-audit-event";

export type ChainVerdict =
  | { intact: true; through: bigint; headHash: string }
  | { intact: false; brokenAt: bigint; reason: string };

const BATCH = 5000;

type ChainRow = Parameters<typeof canonicalAuditRow>[0] & { seq: bigint; prevHash: string; hash: string };

function fetchFrom(prisma: PrismaClient, seq: bigint) {
  return prisma.$queryRaw<ChainRow[]>`
    SELECT "seq", "at", "actorId", "actorName", "action", "entity", "entityId", "ip", "userAgent", "before", "after", "prevHash", "hash"
    FROM "AuditEvent" WHERE "seq" >= ${seq} ORDER BY "seq" LIMIT ${BATCH}`;
}

/** Walks the whole chain from the genesis hash; reports the first broken link and why. */
export async function verifyAuditChain(prisma: PrismaClient): Promise<ChainVerdict> {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let pending: Promise<ChainRow[]> | null = fetchFrom(prisma, 1n);
  while (pending) {
    const rows: ChainRow[] = await pending;
    // The next batch is read while this one is hashed: the database and this process work at once.
    pending = rows.length === BATCH ? fetchFrom(prisma, BigInt(rows.at(-1)!.seq) + 1n) : null;
    pending?.catch(() => undefined);
    for (const raw of rows) {
      const row = { ...raw, seq: BigInt(raw.seq) };
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
