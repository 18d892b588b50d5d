import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendCheckpoint, checkpointFile, readCheckpoints, type Checkpoint } from "@/lib/server/audit/checkpoint";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import type { BackupManifest } from "./manifest";

export type RestoreVerdict =
  | { ok: true; through: bigint; headHash: string; matchedCheckpoint: Checkpoint | null; laterCheckpoint: Checkpoint | null; written: Checkpoint }
  | { ok: false; reason: string };

/**
 * After a restore: the chain is intact, ends where the manifest says, and agrees with the newest
 * checkpoint outside the database that it should contain. Then a checkpoint marking the restore is
 * appended, so the next routine check compares against the restored head instead of calling the
 * events after the backup "deleted" (they are — by the restore, which this line records).
 */
export async function verifyRestored(prisma: PrismaClient, manifest: BackupManifest, restoredFrom: string, file = checkpointFile()): Promise<RestoreVerdict> {
  const chain = await verifyAuditChain(prisma);
  if (!chain.intact) return { ok: false, reason: `audit chain BROKEN at ${chain.brokenAt}: ${chain.reason}` };
  if (chain.through.toString() !== manifest.audit.seq || chain.headHash !== manifest.audit.hash) {
    return { ok: false, reason: `the restored chain ends at event ${chain.through}, but the backup's manifest recorded event ${manifest.audit.seq} (${manifest.audit.hash.slice(0, 12)}…)` };
  }
  const checkpoints = readCheckpoints(file);
  const matched = checkpoints.filter((c) => BigInt(c.seq) <= chain.through).at(-1) ?? null;
  if (matched && BigInt(matched.seq) > 0n) {
    const event = await prisma.auditEvent.findUnique({ where: { seq: BigInt(matched.seq) } });
    if (event?.hash !== matched.hash) {
      return { ok: false, reason: `event ${matched.seq} differs from the checkpoint of ${matched.at} kept outside the database: the backup's history was rewritten` };
    }
  }
  const later = checkpoints.filter((c) => BigInt(c.seq) > chain.through).at(-1) ?? null;
  const written: Checkpoint = { seq: chain.through.toString(), hash: chain.headHash, at: new Date().toISOString(), restoredFrom };
  appendCheckpoint(written, file);
  return { ok: true, through: chain.through, headHash: chain.headHash, matchedCheckpoint: matched, laterCheckpoint: later, written };
}

export function describeVerdict(v: RestoreVerdict): string[] {
  if (!v.ok) return [`RESTORED, BUT VERIFICATION FAILED: ${v.reason}`];
  const lines = [`audit chain intact through ${v.through} (head ${v.headHash.slice(0, 16)}…)`];
  if (v.matchedCheckpoint) lines.push(`agrees with the checkpoint of ${v.matchedCheckpoint.at} (event ${v.matchedCheckpoint.seq})`);
  if (v.laterCheckpoint) {
    lines.push(`note: checkpoints outside the database recorded events through ${v.laterCheckpoint.seq}; events ${v.through + 1n}–${v.laterCheckpoint.seq} were written after this backup and are not in it`);
  }
  lines.push(`checkpoint written for the restored head (event ${v.written.seq})`);
  return lines;
}
