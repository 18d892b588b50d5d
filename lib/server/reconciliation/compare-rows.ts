import "server-only";
import { PAYEE_KEY_MAP, payeeKey, payeeKeySql } from "@/lib/domain/reconciliation/payee-key";
import type { SqlRunner } from "@/lib/server/db/sql-runner";

/** Lines compared per statement: progress moves, and no statement holds a million rows at once. */
export const COMPARE_CHUNK_LINES = 200_000;
/**
 * Each chunk hashes the record tables once and sorts its lines in memory (work_mem); the plan's cost
 * would otherwise switch JIT compilation on, which costs more than it saves here (decision 035).
 */
const CHUNK_SETTINGS = { jit: "off", work_mem: "128MB" } as const;

const key = (expr: string) => payeeKeySql(expr, "$4", "$5");

/**
 * Every staged row of a line range [$2, $3) against the records in force at its transaction time
 * (binding, the merchant's version, its account), set-based. One row's mismatches: unknown terminal,
 * or no binding at that time, or bound to another merchant, else the payee name and/or the account.
 * Current names compare by the keys passed in ($6–$8); names before the version in force come from
 * that version's snapshot (scalar subqueries in a CASE branch: only evaluated for older
 * transactions). Full accounts compare by blind index, masked ones by last 4.
 */
const CLASSIFY = `
WITH s AS (
  SELECT "lineNumber", "transactionAt", "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash" FROM "ReconciliationRow" WHERE "runId" = $1 AND "lineNumber" >= $2 AND "lineNumber" < $3
), keys AS (
  SELECT * FROM unnest($6::text[], $7::text[], $8::text[]) AS k(id, receipt, legal)
), j AS (
  -- Every binding and account in force at the row's instant, by hash joins over the small record
  -- tables; the latest binding (then its latest account) is kept per line below, as LIMIT 1 did.
  SELECT DISTINCT ON (s."lineNumber") s.*, t."merchantId", r."accountNoHash", r."accountLast4" AS "inForceLast4"
    FROM s
    LEFT JOIN "TerminalBinding" t
      ON t."terminalId" = s."terminalId" AND t."boundFrom" <= s."transactionAt" AND (t."boundTo" IS NULL OR t."boundTo" > s."transactionAt")
    LEFT JOIN "ReceivingAccount" r
      ON r."merchantId" = t."merchantId" AND r."effectiveFrom" <= s."transactionAt" AND (r."effectiveTo" IS NULL OR r."effectiveTo" > s."transactionAt")
   ORDER BY s."lineNumber", t."boundFrom" DESC NULLS LAST, r."effectiveFrom" DESC NULLS LAST
), c AS (
  SELECT j."lineNumber", j."merchantNo", j."merchantId" AS bound,
         j."merchantId" IS NULL AND NOT EXISTS (SELECT 1 FROM "TerminalBinding" k WHERE k."terminalId" = j."terminalId") AS unknown,
         j."merchantId" IS NULL AND EXISTS (SELECT 1 FROM "TerminalBinding" k WHERE k."terminalId" = j."terminalId") AS outside,
         j."merchantId" IS NOT NULL AND m."merchantNo" IS DISTINCT FROM j."merchantNo" AS other,
         j."merchantId" IS NOT NULL AND m."merchantNo" = j."merchantNo" AND
           CASE WHEN m."inForceApprovedAt" IS NULL OR j."transactionAt" >= m."inForceApprovedAt"
                THEN j."payeeKey" IS DISTINCT FROM nk.receipt AND j."payeeKey" IS DISTINCT FROM nk.legal
                ELSE j."payeeKey" IS DISTINCT FROM ${key("(SELECT v.snapshot->'merchant'->>'receiptName' FROM \"MerchantVersion\" v WHERE v.\"merchantId\" = m.id AND v.\"approvedAt\" <= j.\"transactionAt\" ORDER BY v.version DESC LIMIT 1)")}
                 AND j."payeeKey" IS DISTINCT FROM ${key("(SELECT v.snapshot->'merchant'->>'legalName' FROM \"MerchantVersion\" v WHERE v.\"merchantId\" = m.id AND v.\"approvedAt\" <= j.\"transactionAt\" ORDER BY v.version DESC LIMIT 1)")}
           END AS payee,
         j."merchantId" IS NOT NULL AND m."merchantNo" = j."merchantNo" AND (j."inForceLast4" IS NULL OR
           CASE WHEN j."accountHash" IS NOT NULL THEN j."accountHash" <> j."accountNoHash" ELSE j."accountLast4" <> j."inForceLast4" END) AS account
    FROM j
    LEFT JOIN "Merchant" m ON m.id = j."merchantId"
    LEFT JOIN keys nk ON nk.id = m.id
), inserted AS (
  INSERT INTO "ReconciliationMismatch" ("runId", "lineNumber", "kind", "merchantId")
  SELECT $1, c."lineNumber", k.kind::"ReconciliationFindingKind",
         COALESCE(c.bound, (SELECT id FROM "Merchant" WHERE "merchantNo" = c."merchantNo"))
    FROM (SELECT * FROM c WHERE c.unknown OR c.outside OR c.other OR c.payee OR c.account) c
   CROSS JOIN LATERAL (VALUES ('UNKNOWN_TERMINAL', c.unknown), ('OUTSIDE_BINDING_PERIOD', c.outside),
                                      ('TERMINAL_BOUND_TO_OTHER_MERCHANT', c.other), ('PAYEE_DIFFERS', c.payee), ('ACCOUNT_DIFFERS', c.account)) k(kind, hit)
   WHERE k.hit
  RETURNING "lineNumber")
SELECT (SELECT count(*) FROM j)::int AS compared, (SELECT count(DISTINCT "lineNumber") FROM inserted)::int AS mismatched`;

/**
 * The current names of every merchant a terminal in the run was ever bound to, as payee keys
 * computed here: translate() over the whole character map costs ~40 µs a call in PostgreSQL, too
 * much per row at a million rows; keys of older versions' names (rare) are still computed in SQL.
 */
async function currentNameKeys(sql: SqlRunner, runId: string) {
  const rows = await sql.query<{ id: string; receiptName: string | null; legalName: string | null }>(
    `SELECT m.id, m."receiptName", m."legalName" FROM "Merchant" m
      WHERE m.id IN (SELECT t."merchantId" FROM "TerminalBinding" t
                      WHERE t."terminalId" IN (SELECT DISTINCT "terminalId" FROM "ReconciliationRow" WHERE "runId" = $1))`,
    [runId],
  );
  const keyOf = (name: string | null) => (name === null ? null : payeeKey(name));
  return [rows.map((r) => r.id), rows.map((r) => keyOf(r.receiptName)), rows.map((r) => keyOf(r.legalName))] as const;
}

export type CompareProgress = { rowsCompared: number; mismatchRows: number };

/**
 * Chunks compared at once, each on its own connection. A chunk's comparison is CPU-bound in the
 * database server (hash joins, a sort) and runs in one server process, so one at a time leaves a
 * core idle while the app waits; PGlite runs them one after the other anyway (decision 041).
 */
export const COMPARE_CONCURRENCY = 2;

/**
 * Compares the run's staged rows chunk by chunk; `afterChunk` reports progress (and keeps the
 * heartbeat). A failure stops every chunk not yet started, and is reported only once the chunks
 * under way have ended: nothing of this attempt may still be writing when the run is resumed.
 */
export async function compareRows(
  sql: SqlRunner,
  runId: string,
  afterChunk: (progress: CompareProgress) => Promise<void> | void = () => {},
  options: { chunkLines?: number; concurrency?: number } = {},
): Promise<CompareProgress> {
  const { chunkLines = COMPARE_CHUNK_LINES, concurrency = COMPARE_CONCURRENCY } = options;
  await sql.query(`DELETE FROM "ReconciliationMismatch" WHERE "runId" = $1`, [runId]);
  const [bounds] = await sql.query<{ lo: number | null; hi: number | null }>(
    `SELECT min("lineNumber") AS lo, max("lineNumber") AS hi FROM "ReconciliationRow" WHERE "runId" = $1`,
    [runId],
  );
  const progress: CompareProgress = { rowsCompared: 0, mismatchRows: 0 };
  if (bounds?.lo == null || bounds.hi == null) return progress;
  // The rows were just staged: without fresh statistics the planner takes a chunk for a few rows.
  await sql.query(`ANALYZE "ReconciliationRow"`);
  const [ids, receiptKeys, legalKeys] = await currentNameKeys(sql, runId);
  const starts: number[] = [];
  for (let from = bounds.lo; from <= bounds.hi; from += chunkLines) starts.push(from);
  let next = 0;
  let failed = false;
  let reported: Promise<void> = Promise.resolve();
  const compareChunks = async () => {
    while (!failed && next < starts.length) {
      const from = starts[next++]!;
      try {
        const [r] = await sql.queryWith<{ compared: number; mismatched: number }>(CHUNK_SETTINGS, CLASSIFY, [runId, from, from + chunkLines, PAYEE_KEY_MAP.from, PAYEE_KEY_MAP.to, ids, receiptKeys, legalKeys]);
        progress.rowsCompared += r!.compared;
        progress.mismatchRows += r!.mismatched;
        // Reported one after the other, in the order the chunks ended: progress never goes back.
        const snapshot = { ...progress };
        reported = reported.then(() => afterChunk(snapshot));
        await reported;
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(concurrency, starts.length)) }, compareChunks));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
  return progress;
}

/** Groups the run's mismatches into findings (inside the caller's transaction). */
export const INSERT_FINDINGS = `
  INSERT INTO "ReconciliationFinding" ("id", "runId", "kind", "terminalId", "merchantNo", "merchantId", "rowCount", "amountFen", "firstSeenAt", "lastSeenAt", "firstLine")
  SELECT gen_random_uuid()::text, $1, x.kind, s."terminalId", s."merchantNo", min(x."merchantId"), count(*)::int, sum(s."amountFen"),
         min(s."transactionAt"), max(s."transactionAt"), min(s."lineNumber")
    FROM "ReconciliationMismatch" x
    JOIN "ReconciliationRow" s ON s."runId" = x."runId" AND s."lineNumber" = x."lineNumber"
   WHERE x."runId" = $1
   GROUP BY x.kind, s."terminalId", s."merchantNo"`;
