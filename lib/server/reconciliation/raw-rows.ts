import "server-only";

import type { PlainGrouper } from "@/lib/domain/reconciliation/plain-groups";

/**
 * A plain run's copied rows (decision 045): its range of ReconciliationRawRow.seq, as stored on the
 * run; and, just after staging, the groups the byte scan made of them (by every kind of change).
 */
export type RawRange = { seqFrom: bigint; seqTo: bigint; groups?: PlainGrouper };

export function rawRange(run: { rawSeqFrom: bigint | string | null; rawSeqTo: bigint | string | null }): RawRange | undefined {
  return run.rawSeqFrom === null || run.rawSeqTo === null ? undefined : { seqFrom: BigInt(run.rawSeqFrom), seqTo: BigInt(run.rawSeqTo) };
}

/**
 * Deletes the run's copied rows and forgets their range, in the caller's transaction (`run` executes a
 * statement, answering how many rows it changed): a run is staged again, refused, or its staged rows purged.
 */
export async function deleteRawRows(run: (sql: string, ...params: unknown[]) => Promise<number>, runId: string): Promise<number> {
  const deleted = await run(
    `WITH r AS (SELECT "rawSeqFrom" AS lo, "rawSeqTo" AS hi FROM "ReconciliationRun" WHERE id = $1 AND "rawSeqFrom" IS NOT NULL)
     DELETE FROM "ReconciliationRawRow" WHERE seq BETWEEN (SELECT lo FROM r) AND (SELECT hi FROM r)`,
    runId,
  );
  await run(`UPDATE "ReconciliationRun" SET "rawSeqFrom" = NULL, "rawSeqTo" = NULL WHERE id = $1`, runId);
  return deleted;
}
