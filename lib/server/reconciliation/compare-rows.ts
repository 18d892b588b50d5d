import "server-only";
import { PAYEE_KEY_MAP, payeeKey, payeeKeySql } from "@/lib/domain/reconciliation/payee-key";
import type { SqlRunner } from "@/lib/server/db/sql-runner";
import { changeInstantsSql, CHANGE_KINDS, groupsSpanningChanges, recordsFingerprint, type ChangeKind } from "./change-instants";
import { groupRawRows, writeScannedGroups } from "./group-raw-rows";
import type { RawRange } from "./raw-rows";

/** Groups classified per statement (a million-row file has some 50,000): progress moves. */
export const COMPARE_CHUNK_GROUPS = 25_000;
/**
 * Each chunk hashes the record tables once and sorts its lines in memory (work_mem); the plan's cost
 * would otherwise switch JIT compilation on, which costs more than it saves here (decision 035).
 */
const CHUNK_SETTINGS = { jit: "off", work_mem: "128MB" } as const;

/** The staged rows of a run are not all there: the database lost them (they are unlogged, decision 043). */
export class StagedRowsMissingError extends Error {
  constructor(readonly expected: number, readonly found: number) {
    super(`staged rows missing: ${found} of ${expected}`);
  }
}

/**
 * A run's staged rows in groups of rows alike in all they are compared by, with what each group adds
 * to a finding (rows, amount, first and last time, first line), numbered in file order. $2: every row
 * a group of its own (the reference the groups are tested against).
 */
const GROUP_ROWS = `
WITH g AS (
  INSERT INTO "ReconciliationRowGroup" ("runId", "groupNo", "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash", "rowCount", "amountFen", "firstAt", "lastAt", "firstLine", "kinds")
  SELECT $1, row_number() OVER (ORDER BY min("lineNumber")), "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash",
         count(*), sum("amountFen"), min("transactionAt"), max("transactionAt"), min("lineNumber"), '{}'
    FROM "ReconciliationRow" WHERE "runId" = $1
   GROUP BY "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash", CASE WHEN $2::boolean THEN "lineNumber" END
  RETURNING "rowCount")
SELECT count(*)::int AS groups, coalesce(sum("rowCount"), 0)::int AS "rowCount" FROM g`;

export { CHANGE_KINDS, type ChangeKind } from "./change-instants";

/**
 * Splits each group within whose time (first, last] a record it is compared with changes: its rows
 * are grouped again by the change instants (`width_bucket`: how many of its terminal's instants are
 * at or before the row's time), so that nothing changes within any group; the others stay whole.
 */
function splitChangedSql(kinds: readonly ChangeKind[]) {
  const instants = changeInstantsSql(kinds);
  if (instants === null) return null;
  // A group something changes in has its first and last time in different buckets of its terminal's
  // instants; its rows are found by its keys (unique among a run's groups before the split).
  return `
WITH ${instants}, removed AS (
  DELETE FROM "ReconciliationRowGroup" g USING instants i
   WHERE g."runId" = $1 AND i."terminalId" = g."terminalId" AND width_bucket(g."firstAt", i.at) <> width_bucket(g."lastAt", i.at)
  RETURNING g."terminalId", g."merchantNo", g."payeeKey", g."accountLast4", g."accountHash", g."rowCount"
), moved AS MATERIALIZED (
  -- The rows of the split groups first (materialized: the planner cannot tell how few they are).
  SELECT r."lineNumber", r."transactionAt", r."terminalId", r."merchantNo", r."payeeKey", r."accountLast4", r."accountHash", r."amountFen"
    FROM "ReconciliationRow" r
   WHERE r."runId" = $1 AND (r."terminalId", r."merchantNo", r."payeeKey", r."accountLast4", coalesce(r."accountHash", ''))
         IN (SELECT "terminalId", "merchantNo", "payeeKey", "accountLast4", coalesce("accountHash", '') FROM removed)
), split AS (
  INSERT INTO "ReconciliationRowGroup" ("runId", "groupNo", "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash", "rowCount", "amountFen", "firstAt", "lastAt", "firstLine", "kinds")
  SELECT $1, (SELECT max("groupNo") FROM "ReconciliationRowGroup" WHERE "runId" = $1) + row_number() OVER (ORDER BY min(r."lineNumber")),
         r."terminalId", r."merchantNo", r."payeeKey", r."accountLast4", r."accountHash",
         count(*), sum(r."amountFen"), min(r."transactionAt"), max(r."transactionAt"), min(r."lineNumber"), '{}'
    FROM moved r JOIN instants i ON i."terminalId" = r."terminalId"
   GROUP BY r."terminalId", r."merchantNo", r."payeeKey", r."accountLast4", r."accountHash", width_bucket(r."transactionAt", i.at)
  RETURNING "rowCount")
SELECT (SELECT count(*) FROM removed)::int AS removed, (SELECT coalesce(sum("rowCount"), 0) FROM removed)::int AS "removedRows",
       (SELECT count(*) FROM split)::int AS added, (SELECT coalesce(sum("rowCount"), 0) FROM split)::int AS "addedRows"`;
}

const key = (expr: string) => payeeKeySql(expr, "$4", "$5");

/** A chunk's groups ($1 the run, [$2, $3) a range of group numbers), each classified once, at its first time. */
const GROUPS = `SELECT "groupNo" AS unit, "firstAt" AS "transactionAt", "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash", "rowCount"
  FROM "ReconciliationRowGroup" WHERE "runId" = $1 AND "groupNo" >= $2 AND "groupNo" < $3`;

/**
 * Every group of a chunk against the records in force at its transaction time (binding, the
 * merchant's version, its account), set-based. A group's mismatches: unknown terminal, or no binding
 * at that time, or bound to another merchant, else the payee name and/or the account. Current names
 * compare by the keys passed in ($6, merchant id → [receipt key, legal key]: looked up by key, so
 * no plan can scan them once per group); names before the version in force come from that version's
 * snapshot (scalar subqueries in a CASE branch: only evaluated for older transactions). Full
 * accounts compare by blind index, masked ones by last 4.
 */
const CLASSIFY = `
WITH s AS (${GROUPS}
), j AS (
  -- Every binding and account in force at the group's instant, by hash joins over the small record
  -- tables; the latest binding (then its latest account) is kept per group, as LIMIT 1 did.
  SELECT DISTINCT ON (s.unit) s.*, t."merchantId", r."accountNoHash", r."accountLast4" AS "inForceLast4"
    FROM s
    LEFT JOIN "TerminalBinding" t
      ON t."terminalId" = s."terminalId" AND t."boundFrom" <= s."transactionAt" AND (t."boundTo" IS NULL OR t."boundTo" > s."transactionAt")
    LEFT JOIN "ReceivingAccount" r
      ON r."merchantId" = t."merchantId" AND r."effectiveFrom" <= s."transactionAt" AND (r."effectiveTo" IS NULL OR r."effectiveTo" > s."transactionAt")
   ORDER BY s.unit, t."boundFrom" DESC NULLS LAST, r."effectiveFrom" DESC NULLS LAST
), verdicts AS (
  SELECT j.unit, j."merchantNo", j."merchantId" AS bound,
         j."merchantId" IS NULL AND NOT EXISTS (SELECT 1 FROM "TerminalBinding" k WHERE k."terminalId" = j."terminalId") AS unknown,
         j."merchantId" IS NULL AND EXISTS (SELECT 1 FROM "TerminalBinding" k WHERE k."terminalId" = j."terminalId") AS outside,
         j."merchantId" IS NOT NULL AND m."merchantNo" IS DISTINCT FROM j."merchantNo" AS other,
         j."merchantId" IS NOT NULL AND m."merchantNo" = j."merchantNo" AND
           CASE WHEN m."inForceApprovedAt" IS NULL OR j."transactionAt" >= m."inForceApprovedAt"
                THEN j."payeeKey" IS DISTINCT FROM $6::jsonb -> m.id ->> 0 AND j."payeeKey" IS DISTINCT FROM $6::jsonb -> m.id ->> 1
                ELSE j."payeeKey" IS DISTINCT FROM ${key("(SELECT v.snapshot->'merchant'->>'receiptName' FROM \"MerchantVersion\" v WHERE v.\"merchantId\" = m.id AND v.\"approvedAt\" <= j.\"transactionAt\" ORDER BY v.version DESC LIMIT 1)")}
                 AND j."payeeKey" IS DISTINCT FROM ${key("(SELECT v.snapshot->'merchant'->>'legalName' FROM \"MerchantVersion\" v WHERE v.\"merchantId\" = m.id AND v.\"approvedAt\" <= j.\"transactionAt\" ORDER BY v.version DESC LIMIT 1)")}
           END AS payee,
         j."merchantId" IS NOT NULL AND m."merchantNo" = j."merchantNo" AND (j."inForceLast4" IS NULL OR
           CASE WHEN j."accountHash" IS NOT NULL THEN j."accountHash" <> j."accountNoHash" ELSE j."accountLast4" <> j."inForceLast4" END) AS account
    FROM j
    LEFT JOIN "Merchant" m ON m.id = j."merchantId"
), c AS (
  SELECT d.unit, k.kind, COALESCE(d.bound, (SELECT id FROM "Merchant" WHERE "merchantNo" = d."merchantNo")) AS "merchantId"
    FROM (SELECT * FROM verdicts d WHERE d.unknown OR d.outside OR d.other OR d.payee OR d.account) d
   CROSS JOIN LATERAL (VALUES ('UNKNOWN_TERMINAL', d.unknown), ('OUTSIDE_BINDING_PERIOD', d.outside),
                              ('TERMINAL_BOUND_TO_OTHER_MERCHANT', d.other), ('PAYEE_DIFFERS', d.payee), ('ACCOUNT_DIFFERS', d.account)) k(kind, hit)
   WHERE k.hit
), written AS (
  -- A group's verdict is every one of its rows'.
  UPDATE "ReconciliationRowGroup" g SET kinds = v.kinds, "merchantId" = v."merchantId"
    FROM (SELECT unit, array_agg(kind::"ReconciliationFindingKind" ORDER BY kind) AS kinds, min("merchantId") AS "merchantId" FROM c GROUP BY unit) v
   WHERE g."runId" = $1 AND g."groupNo" = v.unit
  RETURNING g."rowCount")
SELECT (SELECT coalesce(sum("rowCount"), 0) FROM j)::int AS compared, (SELECT coalesce(sum("rowCount"), 0) FROM written)::int AS mismatched`;

/**
 * The current names of every merchant a terminal in the run was ever bound to, as payee keys
 * computed here: translate() over the whole character map costs ~40 µs a call in PostgreSQL, too
 * much per row at a million rows; keys of older versions' names (rare) are still computed in SQL.
 */
async function currentNameKeys(sql: SqlRunner, runId: string) {
  const rows = await sql.query<{ id: string; receiptName: string | null; legalName: string | null }>(
    `SELECT m.id, m."receiptName", m."legalName" FROM "Merchant" m
      WHERE m.id IN (SELECT t."merchantId" FROM "TerminalBinding" t
                      WHERE t."terminalId" IN (SELECT DISTINCT "terminalId" FROM "ReconciliationRowGroup" WHERE "runId" = $1))`,
    [runId],
  );
  const keyOf = (name: string | null) => (name === null ? null : payeeKey(name));
  return JSON.stringify(Object.fromEntries(rows.map((r) => [r.id, [keyOf(r.receiptName), keyOf(r.legalName)]])));
}

export type CompareProgress = { rowsCompared: number; mismatchRows: number };

/**
 * Chunks compared at once, each on its own connection. A chunk's comparison is CPU-bound in the
 * database server (hash joins, a sort) and runs in one server process, so one at a time leaves a
 * core idle while the app waits; PGlite runs them one after the other anyway (decision 041).
 */
export const COMPARE_CONCURRENCY = 2;

export type CompareOptions = {
  chunkGroups?: number;
  concurrency?: number;
  /** How many rows were staged: fewer found means the database lost them (StagedRowsMissingError). */
  expectedRows?: number;
  /**
   * The changes a group is split at: all of them; fewer only for tests that show each is needed;
   * `null` makes every row a group of its own (the reference the groups are tested against).
   */
  changes?: readonly ChangeKind[] | null;
  /** A plain run: its rows were copied as text, and are these of ReconciliationRawRow (decision 045). */
  raw?: RawRange;
};

/**
 * Compares the run's staged rows: groups alike rows, splits the groups something changes in, and
 * classifies each group once, in chunks; `afterChunk` reports progress (and keeps the heartbeat).
 * A failure stops every chunk not yet started, and is reported only once the chunks under way have
 * ended: nothing of this attempt may still be writing when the run is resumed.
 */
export async function compareRows(
  sql: SqlRunner,
  runId: string,
  afterChunk: (progress: CompareProgress) => Promise<void> | void = () => {},
  options: CompareOptions = {},
): Promise<CompareProgress> {
  const { chunkGroups = COMPARE_CHUNK_GROUPS, concurrency = COMPARE_CONCURRENCY, changes = CHANGE_KINDS } = options;
  await sql.query(`DELETE FROM "ReconciliationRowGroup" WHERE "runId" = $1`, [runId]);
  const { raw } = options;
  if (raw && changes === null) throw new Error("a plain run's rows are grouped by their text: no row-by-row reference");
  let grouped: { groups: number; rowCount: number };
  if (raw) {
    // Grouped by their change instants at once: nothing to split after. The scan's groups stand if no
    // record changed since they were made; else, and after a restart, the copied rows are grouped in SQL.
    // The records' fingerprint read again beside the writing (on another connection): the same, and
    // nothing the instants are made of changed since.
    const scan = raw.scanned && changes === CHANGE_KINDS ? raw.scanned : null;
    const reread = scan ? recordsFingerprint(sql).catch(() => null) : null;
    const scanned = scan ? await writeScannedGroups(sql, runId, scan.groups) : null;
    if (scanned && ((await reread) === scan!.fingerprint || (await groupsSpanningChanges(sql, runId, CHANGE_KINDS)) === 0)) grouped = scanned;
    else {
      if (scanned) await sql.query(`DELETE FROM "ReconciliationRowGroup" WHERE "runId" = $1`, [runId]);
      grouped = await groupRawRows(sql, runId, raw, changes ?? []);
    }
  } else {
    // How many staged rows are this run's, for the planner: a scan of the whole table when they are
    // most of it (a run just staged has no statistics; guessing a few rows, the planner took a bitmap
    // scan that read a million rows at three times the cost). The run's column only: 0.15 s, not 0.6.
    await sql.query(`ANALYZE "ReconciliationRow" ("runId")`);
    [grouped] = (await sql.queryWith<{ groups: number; rowCount: number }>(CHUNK_SETTINGS, GROUP_ROWS, [runId, changes === null])) as [{ groups: number; rowCount: number }];
  }
  if (options.expectedRows !== undefined && grouped.rowCount !== options.expectedRows) throw new StagedRowsMissingError(options.expectedRows, grouped.rowCount);
  const progress: CompareProgress = { rowsCompared: 0, mismatchRows: 0 };
  if (grouped.groups === 0) return progress;
  // The groups were just written: without statistics the planner takes them for a few rows.
  await sql.query(`ANALYZE "ReconciliationRowGroup" ("runId", "groupNo", "terminalId", "firstAt", "lastAt")`);
  const split = changes === null || raw ? null : splitChangedSql(changes);
  if (split) {
    const [r] = await sql.queryWith<{ removed: number; removedRows: number; added: number; addedRows: number }>(CHUNK_SETTINGS, split, [runId]);
    if (r!.addedRows !== r!.removedRows) throw new Error(`splitting groups of run ${runId}: ${r!.removedRows} rows in, ${r!.addedRows} out`);
  }
  const nameKeys = await currentNameKeys(sql, runId);
  const [range] = await sql.query<{ last: number }>(`SELECT max("groupNo") AS last FROM "ReconciliationRowGroup" WHERE "runId" = $1`, [runId]);
  const starts: number[] = [];
  for (let from = 1; from <= range!.last; from += chunkGroups) starts.push(from);

  let next = 0;
  let failed = false;
  let reported: Promise<void> = Promise.resolve();
  const compareChunks = async () => {
    while (!failed && next < starts.length) {
      const from = starts[next++]!;
      try {
        const [r] = await sql.queryWith<{ compared: number; mismatched: number }>(CHUNK_SETTINGS, CLASSIFY, [runId, from, from + chunkGroups, PAYEE_KEY_MAP.from, PAYEE_KEY_MAP.to, nameKeys]);
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

/**
 * The run's mismatching groups into findings (inside the caller's transaction). A finding's id is
 * its run's (a UUIDv7, decision 042) and its number in the findings' order (ten digits: lpad cuts a
 * longer number, and a run's findings fit in an int), and they are written in that order: each index
 * they go into is filled at its right-hand end, as far as its keys allow.
 */
export const INSERT_FINDINGS = `
  INSERT INTO "ReconciliationFinding" ("id", "runId", "kind", "terminalId", "merchantNo", "merchantId", "rowCount", "amountFen", "firstSeenAt", "lastSeenAt", "firstLine")
  SELECT $1 || '.' || lpad((row_number() OVER (ORDER BY f."terminalId", f."merchantNo", f.kind))::text, 10, '0'), $1, f.*
    FROM (SELECT k.kind, g."terminalId", g."merchantNo", min(g."merchantId"), sum(g."rowCount")::int, sum(g."amountFen"), min(g."firstAt"), max(g."lastAt"), min(g."firstLine")
            FROM "ReconciliationRowGroup" g CROSS JOIN LATERAL unnest(g.kinds) AS k(kind)
           WHERE g."runId" = $1
           GROUP BY k.kind, g."terminalId", g."merchantNo") f
   ORDER BY f."terminalId", f."merchantNo", f.kind`;
