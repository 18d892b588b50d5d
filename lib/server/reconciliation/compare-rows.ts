import "server-only";
import { PAYEE_KEY_MAP, payeeKey, payeeKeySql } from "@/lib/domain/reconciliation/payee-key";
import type { SqlRunner } from "@/lib/server/db/sql-runner";

/** Lines compared per statement when rows are compared one by one: progress moves, and no statement holds a million rows at once. */
export const COMPARE_CHUNK_LINES = 200_000;
/** Groups of alike rows classified per statement (a million-row file has some 50,000). */
export const COMPARE_CHUNK_GROUPS = 10_000;
/**
 * Each chunk hashes the record tables once and sorts its lines in memory (work_mem); the plan's cost
 * would otherwise switch JIT compilation on, which costs more than it saves here (decision 035).
 */
const CHUNK_SETTINGS = { jit: "off", work_mem: "128MB" } as const;

const key = (expr: string) => payeeKeySql(expr, "$4", "$5");

const ROW_COLUMNS = `"lineNumber", "transactionAt", "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash", "groupNo", 1 AS "rowCount"`;
/**
 * What a chunk compares ($1 the run, [$2, $3) a range of lines or of group numbers, $9 as each
 * says): rows one by one, or each unchanged group of alike rows once, as one row at its first line
 * and first time (decision 042).
 */
const SOURCES = {
  /** Lines [$2, $3): all of them ($9 true), or those of no group. */
  lines: `SELECT ${ROW_COLUMNS} FROM "ReconciliationRow" WHERE "runId" = $1 AND "lineNumber" >= $2 AND "lineNumber" < $3 AND ($9::boolean OR "groupNo" IS NULL)`,
  /** The rows of the changed groups $9 (numbered from $2 to below $3), group by group through the group index. */
  changedGroups: `SELECT r.* FROM unnest($9::int[]) AS g(no) CROSS JOIN LATERAL (
             SELECT ${ROW_COLUMNS} FROM "ReconciliationRow" WHERE "runId" = $1 AND "groupNo" = g.no AND g.no >= $2 AND g.no < $3 OFFSET 0) r`,
  /** Groups [$2, $3) but the changed ones $9. */
  groups: `SELECT "firstLine" AS "lineNumber", "firstAt" AS "transactionAt", "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash", "groupNo", "rowCount"
             FROM "ReconciliationRowGroup" WHERE "runId" = $1 AND "groupNo" >= $2 AND "groupNo" < $3 AND NOT ("groupNo" = ANY($9::int[]))`,
} as const;
type Source = keyof typeof SOURCES;

/**
 * Every compared row against the records in force at its transaction time (binding, the merchant's
 * version, its account), set-based. One row's mismatches: unknown terminal, or no binding at that
 * time, or bound to another merchant, else the payee name and/or the account. Current names compare
 * by the keys passed in ($6–$8); names before the version in force come from that version's
 * snapshot (scalar subqueries in a CASE branch: only evaluated for older transactions). Full
 * accounts compare by blind index, masked ones by last 4. A group's verdict is every one of its rows'.
 */
function classify(source: Source) {
  // A group's rows by the group index, one mismatching group after another (OFFSET 0 keeps the
  // planner from turning this into a scan of the whole run hashed against the few groups).
  const mismatchedLines = source === "groups"
    ? `SELECT r."lineNumber", c.kind, c."merchantId" FROM c CROSS JOIN LATERAL (SELECT "lineNumber" FROM "ReconciliationRow" WHERE "runId" = $1 AND "groupNo" = c."groupNo" OFFSET 0) r`
    : `SELECT c."lineNumber", c.kind, c."merchantId" FROM c`;
  return `
WITH s AS (${SOURCES[source]}
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
), verdicts AS (
  SELECT j."lineNumber", j."groupNo", j."merchantNo", j."merchantId" AS bound,
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
), c AS (
  SELECT d."lineNumber", d."groupNo", k.kind, COALESCE(d.bound, (SELECT id FROM "Merchant" WHERE "merchantNo" = d."merchantNo")) AS "merchantId"
    FROM (SELECT * FROM verdicts d WHERE d.unknown OR d.outside OR d.other OR d.payee OR d.account) d
   CROSS JOIN LATERAL (VALUES ('UNKNOWN_TERMINAL', d.unknown), ('OUTSIDE_BINDING_PERIOD', d.outside),
                              ('TERMINAL_BOUND_TO_OTHER_MERCHANT', d.other), ('PAYEE_DIFFERS', d.payee), ('ACCOUNT_DIFFERS', d.account)) k(kind, hit)
   WHERE k.hit
), inserted AS (
  INSERT INTO "ReconciliationMismatch" ("runId", "lineNumber", "kind", "merchantId")
  SELECT $1, x."lineNumber", x.kind::"ReconciliationFindingKind", x."merchantId" FROM (${mismatchedLines}) x
  RETURNING "lineNumber")
SELECT (SELECT coalesce(sum("rowCount"), 0) FROM j)::int AS compared, (SELECT count(DISTINCT "lineNumber") FROM inserted)::int AS mismatched`;
}

/** What can change a row's verdict at an instant: a binding beginning or ending, an account, a version taking effect. */
export type ChangeKind = "binding" | "account" | "version";
export const CHANGE_KINDS: readonly ChangeKind[] = ["binding", "account", "version"];

/**
 * The run's groups within whose time (first, last] a record they are compared with changes: their
 * rows are compared one by one. The instants are gathered per terminal, set-based: its bindings'
 * beginnings and ends, and the changes of each merchant it was bound to while it was bound.
 */
function changedGroupsSql(kinds: readonly ChangeKind[]) {
  const bound = (at: string) => `${at} >= t."boundFrom" AND (t."boundTo" IS NULL OR ${at} <= t."boundTo")`;
  const instants: Record<ChangeKind, string[]> = {
    binding: [`SELECT t."terminalId", p.at FROM "TerminalBinding" t CROSS JOIN LATERAL (VALUES (t."boundFrom"), (t."boundTo")) p(at)`],
    account: [`SELECT t."terminalId", p.at FROM "TerminalBinding" t JOIN "ReceivingAccount" r ON r."merchantId" = t."merchantId"
                CROSS JOIN LATERAL (VALUES (r."effectiveFrom"), (r."effectiveTo")) p(at) WHERE ${bound("p.at")}`],
    version: [
      `SELECT t."terminalId", v."approvedAt" FROM "TerminalBinding" t JOIN "MerchantVersion" v ON v."merchantId" = t."merchantId" WHERE ${bound(`v."approvedAt"`)}`,
      `SELECT t."terminalId", m."inForceApprovedAt" FROM "TerminalBinding" t JOIN "Merchant" m ON m.id = t."merchantId" WHERE ${bound(`m."inForceApprovedAt"`)}`,
    ],
  };
  const union = kinds.flatMap((k) => instants[k]);
  if (union.length === 0) return `SELECT NULL::int AS "groupNo" WHERE false AND $1::text IS NULL`;
  return `
  WITH changes ("terminalId", at) AS (${union.join("\n UNION ALL ")})
  SELECT DISTINCT g."groupNo" FROM "ReconciliationRowGroup" g
    JOIN changes c ON c."terminalId" = g."terminalId" AND c.at > g."firstAt" AND c.at <= g."lastAt"
   WHERE g."runId" = $1 AND g."firstAt" < g."lastAt"`;
}

/**
 * The current names of every merchant a terminal in the run was ever bound to, as payee keys
 * computed here: translate() over the whole character map costs ~40 µs a call in PostgreSQL, too
 * much per row at a million rows; keys of older versions' names (rare) are still computed in SQL.
 */
async function currentNameKeys(sql: SqlRunner, runId: string) {
  const rows = await sql.query<{ id: string; receiptName: string | null; legalName: string | null }>(
    `SELECT m.id, m."receiptName", m."legalName" FROM "Merchant" m
      WHERE m.id IN (SELECT t."merchantId" FROM "TerminalBinding" t
                      WHERE t."terminalId" IN (SELECT DISTINCT "terminalId" FROM "ReconciliationRowGroup" WHERE "runId" = $1
                                               UNION SELECT DISTINCT "terminalId" FROM "ReconciliationRow" WHERE "runId" = $1 AND "groupNo" IS NULL))`,
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

export type CompareOptions = {
  chunkLines?: number;
  chunkGroups?: number;
  concurrency?: number;
  /** false: every row on its own, as before groups (the reference the grouped comparison is tested against). */
  grouped?: boolean;
  /** The changes that make a group's rows be compared one by one: all of them, but for tests that show each is needed. */
  changes?: readonly ChangeKind[];
};

/**
 * Compares the run's staged rows chunk by chunk: first each unchanged group of alike rows once,
 * then the rows of changed groups and of none one by one; `afterChunk` reports progress (and keeps
 * the heartbeat). A failure stops every chunk not yet started, and is reported only once the chunks
 * under way have ended: nothing of this attempt may still be writing when the run is resumed.
 */
export async function compareRows(
  sql: SqlRunner,
  runId: string,
  afterChunk: (progress: CompareProgress) => Promise<void> | void = () => {},
  options: CompareOptions = {},
): Promise<CompareProgress> {
  const { chunkLines = COMPARE_CHUNK_LINES, chunkGroups = COMPARE_CHUNK_GROUPS, concurrency = COMPARE_CONCURRENCY, grouped = true, changes = CHANGE_KINDS } = options;
  await sql.query(`DELETE FROM "ReconciliationMismatch" WHERE "runId" = $1`, [runId]);
  const [bounds] = await sql.query<{ lo: number | null; hi: number | null }>(
    `SELECT min("lineNumber") AS lo, max("lineNumber") AS hi FROM "ReconciliationRow" WHERE "runId" = $1`,
    [runId],
  );
  const progress: CompareProgress = { rowsCompared: 0, mismatchRows: 0 };
  if (bounds?.lo == null || bounds.hi == null) return progress;
  // The groups were just staged: without fresh statistics the planner takes a chunk for a few rows.
  await sql.query(`ANALYZE "ReconciliationRowGroup"`);
  const [ids, receiptKeys, legalKeys] = await currentNameKeys(sql, runId);

  type Chunk = { source: Source; from: number; to: number; extra: boolean | number[] };
  const chunks: Chunk[] = [];
  const lineChunks = (all: boolean) => {
    for (let from = bounds.lo!; from <= bounds.hi!; from += chunkLines) chunks.push({ source: "lines", from, to: from + chunkLines, extra: all });
  };
  // Rows compared one by one are found by line ranges, a plan that needs the rows' statistics (a
  // grouped run's rows are only looked up by group, through the index).
  const analyzeRows = () => sql.query(`ANALYZE "ReconciliationRow"`);
  if (!grouped) {
    await analyzeRows();
    lineChunks(true);
  }
  else {
    const changed = (await sql.query<{ groupNo: number }>(changedGroupsSql(changes), [runId])).map((g) => g.groupNo).sort((a, b) => a - b);
    const [groups] = await sql.query<{ n: number; ungrouped: boolean }>(
      `SELECT coalesce((SELECT max("groupNo") FROM "ReconciliationRowGroup" WHERE "runId" = $1), 0)::int AS n,
              EXISTS (SELECT 1 FROM "ReconciliationRow" WHERE "runId" = $1 AND "groupNo" IS NULL) AS ungrouped`,
      [runId],
    );
    for (let from = 1; from <= groups!.n; from += chunkGroups) chunks.push({ source: "groups", from, to: from + chunkGroups, extra: changed });
    // Spread over the connections even when there are few: each changed group is a few dozen rows.
    const perChunk = Math.min(chunkGroups, Math.ceil(changed.length / concurrency));
    for (let i = 0; i < changed.length; i += perChunk) {
      const some = changed.slice(i, i + perChunk);
      chunks.push({ source: "changedGroups", from: some[0]!, to: some.at(-1)! + 1, extra: some });
    }
    if (groups!.ungrouped) {
      await analyzeRows();
      lineChunks(false);
    }
  }

  let next = 0;
  let failed = false;
  let reported: Promise<void> = Promise.resolve();
  const compareChunks = async () => {
    while (!failed && next < chunks.length) {
      const { source, from, to, extra } = chunks[next++]!;
      try {
        const [r] = await sql.queryWith<{ compared: number; mismatched: number }>(CHUNK_SETTINGS, classify(source), [runId, from, to, PAYEE_KEY_MAP.from, PAYEE_KEY_MAP.to, ids, receiptKeys, legalKeys, extra]);
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
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(concurrency, chunks.length)) }, compareChunks));
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
