import "server-only";

import type { PlainGrouper } from "@/lib/domain/reconciliation/plain-groups";

/**
 * A plain run's copied rows (decision 045): its range of ReconciliationRawRow.seq, as stored on the
 * run; and, just after staging, the groups the byte scan made of them, by every kind of change as
 * read with the records' `fingerprint` (loadChangeInstants).
 */
export type RawRange = { seqFrom: bigint; seqTo: bigint; scanned?: { groups: PlainGrouper; fingerprint: string } };

export function rawRange(run: { rawSeqFrom: bigint | string | null; rawSeqTo: bigint | string | null }): RawRange | undefined {
  return run.rawSeqFrom === null || run.rawSeqTo === null ? undefined : { seqFrom: BigInt(run.rawSeqFrom), seqTo: BigInt(run.rawSeqTo) };
}

/** Runs a statement in the caller's transaction, answering its rows. */
export type RowsQuery = (sql: string, ...params: unknown[]) => Promise<unknown[]>;

/**
 * Deletes the run's copied rows and forgets their range, in the caller's transaction: a run is staged
 * again, refused, or its staged rows purged. Answers how many rows it deleted.
 */
export async function deleteRawRows(query: RowsQuery, runId: string): Promise<number> {
  const [run] = (await query(`SELECT "rawSeqFrom"::text AS lo, "rawSeqTo"::text AS hi FROM "ReconciliationRun" WHERE id = $1`, runId)) as { lo: string | null; hi: string | null }[];
  if (!run || run.lo === null || run.hi === null) return 0;
  // Block ranges not yet summarized are read whole by every query, and without statistics the planner
  // reads the whole table anyway: with both, the delete reads this run's rows only, not every kept
  // run's (decision 046). The range as values, not a subquery, for the planner to see it.
  await query(`SELECT brin_summarize_new_values('"ReconciliationRawRow_seq_idx"'::regclass)`);
  await query(`ANALYZE "ReconciliationRawRow" (seq)`);
  const [deleted] = (await query(
    `WITH d AS (DELETE FROM "ReconciliationRawRow" WHERE seq BETWEEN $1::bigint AND $2::bigint RETURNING 1) SELECT count(*)::int AS n FROM d`,
    run.lo,
    run.hi,
  )) as { n: number }[];
  await query(`UPDATE "ReconciliationRun" SET "rawSeqFrom" = NULL, "rawSeqTo" = NULL WHERE id = $1`, runId);
  return deleted!.n;
}
