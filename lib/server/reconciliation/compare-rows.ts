import "server-only";
import { PAYEE_KEY_MAP, payeeKey, payeeKeySql } from "@/lib/domain/reconciliation/payee-key";
import type { SqlRunner } from "@/lib/server/db/sql-runner";

/** Lines compared per statement: progress moves, and no statement holds a million rows at once. */
export const COMPARE_CHUNK_LINES = 50_000;

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
  SELECT * FROM "ReconciliationRow" WHERE "runId" = $1 AND "lineNumber" >= $2 AND "lineNumber" < $3
), keys AS (
  SELECT * FROM unnest($6::text[], $7::text[], $8::text[]) AS k(id, receipt, legal)
), c AS (
  SELECT s."lineNumber", s."merchantNo", b."merchantId" AS bound,
         b."merchantId" IS NULL AND NOT EXISTS (SELECT 1 FROM "TerminalBinding" k WHERE k."terminalId" = s."terminalId") AS unknown,
         b."merchantId" IS NULL AND EXISTS (SELECT 1 FROM "TerminalBinding" k WHERE k."terminalId" = s."terminalId") AS outside,
         b."merchantId" IS NOT NULL AND m."merchantNo" IS DISTINCT FROM s."merchantNo" AS other,
         b."merchantId" IS NOT NULL AND m."merchantNo" = s."merchantNo" AND
           CASE WHEN m."inForceApprovedAt" IS NULL OR s."transactionAt" >= m."inForceApprovedAt"
                THEN s."payeeKey" IS DISTINCT FROM nk.receipt AND s."payeeKey" IS DISTINCT FROM nk.legal
                ELSE s."payeeKey" IS DISTINCT FROM ${key("(SELECT v.snapshot->'merchant'->>'receiptName' FROM \"MerchantVersion\" v WHERE v.\"merchantId\" = m.id AND v.\"approvedAt\" <= s.\"transactionAt\" ORDER BY v.version DESC LIMIT 1)")}
                 AND s."payeeKey" IS DISTINCT FROM ${key("(SELECT v.snapshot->'merchant'->>'legalName' FROM \"MerchantVersion\" v WHERE v.\"merchantId\" = m.id AND v.\"approvedAt\" <= s.\"transactionAt\" ORDER BY v.version DESC LIMIT 1)")}
           END AS payee,
         b."merchantId" IS NOT NULL AND m."merchantNo" = s."merchantNo" AND (a."accountLast4" IS NULL OR
           CASE WHEN s."accountHash" IS NOT NULL THEN s."accountHash" <> a."accountNoHash" ELSE s."accountLast4" <> a."accountLast4" END) AS account
    FROM s
    LEFT JOIN LATERAL (
      SELECT t."merchantId" FROM "TerminalBinding" t
       WHERE t."terminalId" = s."terminalId" AND t."boundFrom" <= s."transactionAt" AND (t."boundTo" IS NULL OR t."boundTo" > s."transactionAt")
       ORDER BY t."boundFrom" DESC LIMIT 1) b ON true
    LEFT JOIN "Merchant" m ON m.id = b."merchantId"
    LEFT JOIN keys nk ON nk.id = m.id
    LEFT JOIN LATERAL (
      SELECT r."accountNoHash", r."accountLast4" FROM "ReceivingAccount" r
       WHERE r."merchantId" = b."merchantId" AND r."effectiveFrom" <= s."transactionAt" AND (r."effectiveTo" IS NULL OR r."effectiveTo" > s."transactionAt")
       ORDER BY r."effectiveFrom" DESC LIMIT 1) a ON true
), inserted AS (
  INSERT INTO "ReconciliationMismatch" ("runId", "lineNumber", "kind", "merchantId")
  SELECT $1, c."lineNumber", k.kind::"ReconciliationFindingKind",
         COALESCE(c.bound, (SELECT id FROM "Merchant" WHERE "merchantNo" = c."merchantNo"))
    FROM c CROSS JOIN LATERAL (VALUES ('UNKNOWN_TERMINAL', c.unknown), ('OUTSIDE_BINDING_PERIOD', c.outside),
                                      ('TERMINAL_BOUND_TO_OTHER_MERCHANT', c.other), ('PAYEE_DIFFERS', c.payee), ('ACCOUNT_DIFFERS', c.account)) k(kind, hit)
   WHERE k.hit
  RETURNING "lineNumber")
SELECT (SELECT count(*) FROM s)::int AS compared, (SELECT count(DISTINCT "lineNumber") FROM inserted)::int AS mismatched`;

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

/** Compares the run's staged rows chunk by chunk; `afterChunk` reports progress (and keeps the heartbeat). */
export async function compareRows(
  sql: SqlRunner,
  runId: string,
  afterChunk: (progress: CompareProgress) => Promise<void> | void = () => {},
): Promise<CompareProgress> {
  await sql.query(`DELETE FROM "ReconciliationMismatch" WHERE "runId" = $1`, [runId]);
  const [bounds] = await sql.query<{ lo: number | null; hi: number | null }>(
    `SELECT min("lineNumber") AS lo, max("lineNumber") AS hi FROM "ReconciliationRow" WHERE "runId" = $1`,
    [runId],
  );
  const progress: CompareProgress = { rowsCompared: 0, mismatchRows: 0 };
  if (bounds?.lo == null || bounds.hi == null) return progress;
  const [ids, receiptKeys, legalKeys] = await currentNameKeys(sql, runId);
  for (let from = bounds.lo; from <= bounds.hi; from += COMPARE_CHUNK_LINES) {
    const [r] = await sql.query<{ compared: number; mismatched: number }>(CLASSIFY, [runId, from, from + COMPARE_CHUNK_LINES, PAYEE_KEY_MAP.from, PAYEE_KEY_MAP.to, ids, receiptKeys, legalKeys]);
    progress.rowsCompared += r!.compared;
    progress.mismatchRows += r!.mismatched;
    await afterChunk({ ...progress });
  }
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
