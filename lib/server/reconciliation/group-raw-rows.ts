import "server-only";
import { COLUMNS, type HeaderMap } from "@/lib/domain/reconciliation/header";
import { hasPanField } from "@/lib/domain/reconciliation/pan";
import type { PlainGrouper } from "@/lib/domain/reconciliation/plain-groups";
import { payeeKey } from "@/lib/domain/reconciliation/payee-key";
import { parseRow, parseTransactionTime } from "@/lib/domain/reconciliation/row";
import { stagedTimeText } from "@/lib/domain/reconciliation/staged-time";
import { blindIndex } from "@/lib/server/crypto/sensitive";
import type { SqlRunner } from "@/lib/server/db/sql-runner";
import { changeInstantsSql, type ChangeKind } from "./change-instants";
import type { RawRange } from "./raw-rows";
import { copyText } from "./stage-rows";

/** A value the reader would have refused is among a plain file's copied rows: read the file with the reader (decision 045). */
export class RawRowsNotValidError extends Error {
  constructor(readonly firstLine: number) {
    super(`a copied row of the plain file is not valid (line ${firstLine})`);
  }
}

/**
 * The copied rows' alike rows, by their text and by the change instants of their terminal they fall
 * between (`width_bucket`, as the split of staged rows' groups takes them, compare-rows.ts): nothing
 * a group is compared with changes within it, so each is classified once, with no split after. The
 * file's times are all "YYYY-MM-DD HH:mm:ss" at +08:00 (the scan saw to it), so their text sorts as
 * their time does. Hashed: with `enable_sort` on, a run just copied, of which the planner knows
 * nothing, was sorted instead.
 */
function rawGroupsSql(instants: string | null) {
  const at = `(r."transactionTime"::timestamp - interval '8 hours')`;
  return `${instants ? `WITH ${instants}\n` : ""}SELECT r."terminalId" AS t, r."merchantNo" AS m, r."payeeName" AS p, r."settlementAccount" AS a,
       ${instants ? `width_bucket(${at}, i.at)` : "NULL::int"} AS bucket, count(*)::int AS n, (sum(r.amount::numeric) * 100)::bigint::text AS fen,
       min(r."transactionTime" COLLATE "C") AS first, max(r."transactionTime" COLLATE "C") AS last, min(r.seq)::text AS seq
  FROM "ReconciliationRawRow" r ${instants ? `LEFT JOIN instants i ON i."terminalId" = r."terminalId"` : ""}
 WHERE r.seq BETWEEN $1 AND $2
 GROUP BY 1, 2, 3, 4, 5
 ORDER BY min(r.seq)`;
}

const COPY_GROUPS = `COPY "ReconciliationRowGroup" ("runId", "groupNo", "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash", "rowCount", "amountFen", "firstAt", "lastAt", "firstLine", "kinds") FROM STDIN`;

type RawGroupRow = { t: string | null; m: string | null; p: string | null; a: string | null; bucket: number | null; n: number; fen: string; first: string; last: string; seq: string };

/** Alike rows of a plain run by their text (and change bucket), however they were grouped. */
type RawGroup = { t: string | null; m: string | null; p: string | null; a: string | null; bucket: number | null; rows: number; fen: bigint; firstMs: number; lastMs: number; line: number };

/** A group as it is written: terminal, merchant, payee key, account last 4 and blind index, and what its rows add. */
type Group = { t: string; m: string; k: string; l4: string; h: string | null; n: number; fen: bigint; firstMs: number; lastMs: number; line: number };

/** The plain form's Beijing wall clock → epoch milliseconds, as the reader reads it. */
const msOf = (text: string) => parseTransactionTime(text)!.getTime();
const stagedAt = (ms: number) => stagedTimeText(new Date(ms));

/** A group in COPY's text format, escaped as staged rows are. */
const groupLine = (runId: string, no: number, g: Group) =>
  `${runId}\t${no}\t${copyText(g.t)}\t${copyText(g.m)}\t${copyText(g.k)}\t${copyText(g.l4)}\t${g.h ?? "\\N"}\t${g.n}\t${g.fen}\t${stagedAt(g.firstMs)}\t${stagedAt(g.lastMs)}\t${g.line}\t{}\n`;

/** Fields of a data row in the file's order, with plain placeholders where the scan vouched for the text. */
function rowFields(header: HeaderMap, values: Record<"terminal_id" | "merchant_no" | "payee_name" | "settlement_account", string>): string[] {
  const fields: string[] = new Array(COLUMNS.length);
  fields[header.positions.transaction_time] = "2000-01-01 00:00:00";
  fields[header.positions.amount] = "0";
  fields[header.positions.reference] = "R";
  fields[header.positions.terminal_id] = values.terminal_id;
  fields[header.positions.merchant_no] = values.merchant_no;
  fields[header.positions.payee_name] = values.payee_name;
  fields[header.positions.settlement_account] = values.settlement_account;
  return fields;
}

/**
 * Groups a plain run's copied rows in SQL as staged rows are grouped and split (compare-rows.ts): for
 * a run whose groups the scan made are gone (a resumed or re-run comparison).
 */
export async function groupRawRows(sql: SqlRunner, runId: string, range: RawRange, kinds: readonly ChangeKind[]): Promise<{ groups: number; rowCount: number }> {
  const rows = await sql.queryWith<RawGroupRow>(
    { jit: "off", work_mem: "128MB", enable_sort: "off", max_parallel_workers_per_gather: "0" },
    rawGroupsSql(changeInstantsSql(kinds)),
    [range.seqFrom.toString(), range.seqTo.toString()],
  );
  function* raw(): Generator<RawGroup> {
    for (const r of rows) {
      yield { t: r.t, m: r.m, p: r.p, a: r.a, bucket: r.bucket, rows: r.n, fen: BigInt(r.fen), firstMs: msOf(r.first), lastMs: msOf(r.last), line: Number(BigInt(r.seq) - range.seqFrom) + 2 };
    }
  }
  return writeGroups(sql, runId, raw());
}

/** Writes the groups the byte scan made while the rows were copied (stage-plain.ts). */
export async function writeScannedGroups(sql: SqlRunner, runId: string, grouper: PlainGrouper): Promise<{ groups: number; rowCount: number }> {
  function* raw(): Generator<RawGroup> {
    for (const g of grouper.groups()) {
      yield { t: g.terminal, m: g.merchant, p: g.payee, a: g.account, bucket: g.bucket, rows: g.rows, fen: BigInt(g.fen), firstMs: g.firstMs, lastMs: g.lastMs, line: g.firstRow + 2 };
    }
  }
  return writeGroups(sql, runId, raw());
}

/**
 * Writes a plain run's groups (in line order, as they come) by what rows are compared by, numbered in
 * file order, streamed to one COPY as they are made ready. Each distinct terminal, merchant, payee and
 * account is checked and normalised by the domain's own row parser, once: a value it would refuse (or
 * a card number) throws RawRowsNotValidError, the COPY is broken off, and the run is staged again by
 * the reader. So does a terminal ID not written as the binding has it: its rows were matched to its
 * change instants by their text. Groups whose texts differ but normalise alike (a payee written two
 * ways) stay apart: each is classified by its normalised values, alike, and findings add them up
 * (decision 047).
 */
async function writeGroups(sql: SqlRunner, runId: string, raw: Iterable<RawGroup>): Promise<{ groups: number; rowCount: number }> {
  let groups = 0;
  let rowCount = 0;
  async function* lines(): AsyncGenerator<string> {
    const batch: string[] = [];
    for (const r of raw) {
      const group = checkedGroup(r);
      rowCount += group.n;
      batch.push(groupLine(runId, ++groups, group));
      if (batch.length === 1000) yield batch.splice(0).join("");
    }
    if (batch.length > 0) yield batch.join("");
  }
  await sql.copyFrom!(COPY_GROUPS, lines());
  return { groups, rowCount };
}

/** Any order of the seven columns parses alike: a group's row is built in the canonical one. */
const CANONICAL: HeaderMap = { positions: Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as HeaderMap["positions"], ignored: [] };

/** A group of copied rows with its values checked and normalised by the domain (writeGroups). */
function checkedGroup(r: RawGroup): Group {
  if (r.t === null || r.m === null || r.p === null || r.a === null) throw new RawRowsNotValidError(r.line);
  const fields = rowFields(CANONICAL, { terminal_id: r.t, merchant_no: r.m, payee_name: r.p, settlement_account: r.a });
  const parsed = parseRow(fields, CANONICAL);
  if (!parsed.ok || hasPanField(fields, CANONICAL) || parsed.record.terminalId !== r.t) throw new RawRowsNotValidError(r.line);
  const { terminalId, merchantNo, payeeName, account } = parsed.record;
  const h = account.full === undefined ? null : blindIndex("account-no", account.full);
  return { t: terminalId, m: merchantNo, k: payeeKey(payeeName), l4: account.last4, h, n: r.rows, fen: r.fen, firstMs: r.firstMs, lastMs: r.lastMs, line: r.line };
}
