import "server-only";
import fs from "node:fs";
import { COLUMNS, type Column, type HeaderMap } from "@/lib/domain/reconciliation/header";
import type { FileEncoding } from "@/lib/domain/reconciliation/decode";
import { PlainGrouper } from "@/lib/domain/reconciliation/plain-groups";
import { MAX_KEY_FIELD_BYTES, PlainRowScanner } from "@/lib/domain/reconciliation/plain-rows";
import { readTransactionFileBatches, type ReadState } from "@/lib/domain/reconciliation/read-file";
import type { SqlRunner } from "@/lib/server/db/sql-runner";
import { CHANGE_KINDS, loadChangeInstants, type ChangeInstantsAsOf } from "./change-instants";
import type { StageHooks, StageProgress } from "./stage-rows";

/** Bytes the header and the encoding are read from, as the reader decides the encoding (decode.ts). */
const OPENING_BYTES = 64 * 1024;

/** One plain COPY at a time holds the row numbers' sequence, so each run's rows are one range of it. */
const RAW_COPY_LOCK = "reconciliation.raw-copy";

const RAW_COLUMN: Readonly<Record<Column, string>> = {
  transaction_time: "transactionTime",
  terminal_id: "terminalId",
  merchant_no: "merchantNo",
  payee_name: "payeeName",
  settlement_account: "settlementAccount",
  amount: "amount",
  reference: "reference",
};

export type RawStaged = StageProgress & { seqFrom: bigint; seqTo: bigint; groups: PlainGrouper; fingerprint: string };

/** Why a file was not copied as text; it is read by the app's reader instead (decision 045). */
export type NotStagedPlain = { plain: false; why: string; line?: number };

/** Thrown by the source to break the COPY off. */
class NotPlain extends Error {
  constructor(readonly why: string, readonly line?: number) {
    super(`not plain: ${why}`);
  }
}

/**
 * PostgreSQL copies the file's rows as text (decision 045), while the app scans the same bytes and
 * breaks the COPY off at the first row that is not plain. Nothing is staged then, and the caller
 * reads the file with the app's reader, which says exactly what is wrong and where. Only UTF-8 files
 * of exactly the seven columns are tried; and only if no other run is copying its rows.
 */
export async function stagePlain(
  sql: SqlRunner, runId: string, filePath: string, hooks: StageHooks = {}, state: ReadState = {}, instants?: Promise<ChangeInstantsAsOf>,
): Promise<RawStaged | NotStagedPlain> {
  if (!sql.copyFrom) return { plain: false, why: "engine" };
  const opening = await openingOf(filePath);
  if (opening === null) return { plain: false, why: "header" };
  const { header, encoding } = opening;
  state.encoding = encoding;
  state.header = header;
  if (encoding !== "utf-8") return { plain: false, why: "encoding" };
  if (header.ignored.length > 0) return { plain: false, why: "extraColumns" };

  const byPosition = [...COLUMNS].sort((a, b) => header.positions[a] - header.positions[b]);
  const statement = `COPY "ReconciliationRawRow" (${byPosition.map((c) => `"${RAW_COLUMN[c]}"`).join(", ")}) FROM STDIN (FORMAT csv, HEADER true, ENCODING 'UTF8')`;
  // The scan groups the rows as it reads them, by their terminal's change instants: as read while the
  // file was uploaded, or now. Either way they are read again when the groups are written.
  const changes = (await instants?.catch(() => undefined)) ?? (await loadChangeInstants(sql, CHANGE_KINDS));
  const grouper = new PlainGrouper(changes.instants, MAX_KEY_FIELD_BYTES);
  const scanner = new PlainRowScanner(header, COLUMNS.length, grouper);
  const progress: StageProgress = { bytesRead: 0, rowsRead: 0, rowsStaged: 0, rowsRejected: 0 };

  async function* checked(): AsyncGenerator<Uint8Array> {
    for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 64 * 1024 })) {
      const bytes = chunk as Buffer;
      if (!scanner.feed(bytes)) break;
      progress.bytesRead += bytes.length;
      progress.rowsRead = progress.rowsStaged = scanner.rowsSoFar;
      yield bytes;
      await hooks.afterBatch?.({ ...progress });
    }
    const verdict = scanner.end();
    if (!verdict.plain) throw new NotPlain(verdict.why, verdict.line);
    progress.rowsRead = progress.rowsStaged = verdict.rows;
  }

  let seqTo = 0n;
  try {
    const copied = await sql.copyFrom(statement, checked(), {
      before: async (query) => {
        if (!(await claimRowNumbers(query))) throw new NotPlain("busy");
      },
      after: async (query, rows) => {
        if (rows === 0) return;
        const [last] = await query<{ seq: string }>(`SELECT currval(pg_get_serial_sequence('"ReconciliationRawRow"', 'seq'))::text AS seq`);
        seqTo = BigInt(last!.seq);
        // With the rows, in their transaction: a crash right after cannot leave rows no run knows of.
        await query(`UPDATE "ReconciliationRun" SET "rawSeqFrom" = $2, "rawSeqTo" = $3 WHERE id = $1`, [runId, (seqTo - BigInt(rows) + 1n).toString(), seqTo.toString()]);
      },
    });
    if (copied !== progress.rowsStaged) throw new Error(`plain COPY took ${copied} rows, the scan counted ${progress.rowsStaged}`);
  } catch (err) {
    if (err instanceof NotPlain) return { plain: false, why: err.why, line: err.line };
    // The database refused the text (a byte that is not UTF-8, a row of other length): the reader says why.
    if (isDataException(err)) return { plain: false, why: `database:${(err as { code: string }).code}` };
    throw err;
  }
  await hooks.afterBatch?.({ ...progress });
  return { ...progress, seqFrom: seqTo - BigInt(progress.rowsStaged) + 1n, seqTo, groups: grouper, fingerprint: changes.fingerprint };
}

/**
 * Takes the copied rows' numbers for one COPY, in its transaction: the lock (false when another COPY
 * holds it), and none of the numbers this connection kept from an earlier one. The sequence hands a
 * connection 10,000 numbers at a time; the rest of an earlier COPY's would break this one's range.
 */
export async function claimRowNumbers(query: <T>(text: string, params?: unknown[]) => Promise<T[]>): Promise<boolean> {
  const [lock] = await query<{ held: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS held`, [RAW_COPY_LOCK]);
  if (!lock!.held) return false;
  await query(`DISCARD SEQUENCES`);
  return true;
}

/** SQLSTATE class 22: the data, not the database, was wrong. */
function isDataException(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("22");
}

/** The header and the encoding as the reader decides them on the file's opening; null when it has no header it can read. */
async function openingOf(filePath: string): Promise<{ header: HeaderMap; encoding: FileEncoding } | null> {
  const handle = await fs.promises.open(filePath, "r");
  let bytes: Uint8Array;
  try {
    const buffer = Buffer.alloc(OPENING_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, OPENING_BYTES, 0);
    // Up to its last line feed when the file goes on: no character or record is cut (a line feed is
    // never part of a UTF-8 or GB18030 character).
    const end = bytesRead < OPENING_BYTES ? bytesRead : buffer.lastIndexOf(0x0a, bytesRead - 1) + 1;
    bytes = buffer.subarray(0, end);
  } finally {
    await handle.close();
  }
  const state: ReadState = {};
  try {
    // Only as far as the first rows: the header is the first record.
    for await (const _rows of readTransactionFileBatches(once(bytes), state, { sniffBytes: OPENING_BYTES })) break;
  } catch {
    // A refusal within the opening (a card number, a bad header): the reader will give it.
  }
  return state.header && state.encoding ? { header: state.header, encoding: state.encoding } : null;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
