import "server-only";
import fs from "node:fs";
import { csvRecordBatches, SNIFF_BYTES, sniffEncoding, type FileEncoding } from "@/lib/domain/reconciliation/decode";
import { mapHeader, type HeaderMap } from "@/lib/domain/reconciliation/header";
import { payeeKey } from "@/lib/domain/reconciliation/payee-key";
import { readTransactionFileBatches, type FileRow, type ReadState } from "@/lib/domain/reconciliation/read-file";
import { keyRing } from "@/lib/server/crypto/keys";
import { blindIndex } from "@/lib/server/crypto/sensitive";
import type { SqlRunner } from "@/lib/server/db/sql-runner";
import { COPY_PIECE_ROWS, COPY_ROWS, copyLine } from "./copy-line";
import { SecondPart, type Piece } from "./second-part";
import { findSplit } from "./split-file";
import { startStageWorker } from "./start-stage-worker";

export const STAGE_BATCH_ROWS = 10_000;

export type StageProgress = {
  bytesRead: number; rowsRead: number; rowsStaged: number; rowsRejected: number;
  /** How the file was read: on this thread, or in two parts, the second on a worker thread (decision 044). */
  threads?: 1 | 2;
};
export type StageOptions = {
  /** Files from this size on are read in two parts on the PostgreSQL server (default: never). */
  twoThreadsFromBytes?: number;
  /** Where the second part starts looking for a line end (tests; default the middle). */
  splitNear?: number;
};
export type StageHooks = {
  /** Called after each batch is written (progress, heartbeat, tests interrupting a run). */
  afterBatch?: (progress: StageProgress) => Promise<void> | void;
};

type Batch = {
  line: number[]; at: string[]; terminal: string[]; merchant: string[]; payee: string[]; key: string[];
  last4: string[]; hash: (string | null)[]; amount: string[]; reference: string[];
};
const emptyBatch = (): Batch => ({ line: [], at: [], terminal: [], merchant: [], payee: [], key: [], last4: [], hash: [], amount: [], reference: [] });

// One statement per batch on both engines: arrays in, unnest out (decision 019).
const INSERT_ROWS = `
  INSERT INTO "ReconciliationRow" ("runId", "lineNumber", "transactionAt", "terminalId", "merchantNo", "payeeName", "payeeKey", "accountLast4", "accountHash", "amountFen", "reference")
  SELECT $1, * FROM unnest($2::int[], $3::timestamp(3)[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::text[])`;
const INSERT_REJECTED = `
  INSERT INTO "ReconciliationRejectedRow" ("runId", "lineNumber", "reasonKey", "column", "problems")
  SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[])`;

/**
 * Bytes are counted as the reader pulls them, so progress is what was really read. 16 KiB reads: the
 * rows of one read are parsed together (decision 039), and the more row objects are alive at once the
 * more survive into the old heap, which V8 lets grow (1,000,000 rows: peak RSS 392 MB with 64 KiB
 * reads and 1,000-line COPY pieces, 271 MB with 16 KiB and 250).
 */
async function* counted(path: string, progress: StageProgress, endBefore?: number): AsyncGenerator<Uint8Array> {
  const range = endBefore === undefined ? {} : { end: endBefore - 1 };
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 16 * 1024, ...range })) {
    progress.bytesRead += (chunk as Buffer).length;
    yield chunk as Buffer;
  }
}

/**
 * Streams the run's file into staged and rejected rows. The full settlement account is turned into
 * its blind index here and goes no further. Throws FileRefusedError for the whole file (the caller
 * removes what was staged). On the PostgreSQL server the rows go through one COPY as they are read;
 * on PGlite in batches of `unnest` arrays (decisions 019, 035).
 */
export async function stageRows(sql: SqlRunner, runId: string, filePath: string, hooks: StageHooks = {}, state: ReadState = {}, options: StageOptions = {}): Promise<StageProgress> {
  if (sql.copyFrom) {
    const staged = await stageInTwoParts(sql, sql.copyFrom, runId, filePath, hooks, state, options);
    if (staged !== null) return staged;
  }
  const progress: StageProgress = { bytesRead: 0, rowsRead: 0, rowsStaged: 0, rowsRejected: 0, threads: 1 };
  const rows = readTransactionFileBatches(counted(filePath, progress), state);
  return sql.copyFrom ? stageByCopy(sql, sql.copyFrom, runId, rows, progress, hooks) : stageByBatches(sql, runId, rows, progress, hooks);
}

function openingBytes(filePath: string, length: number): Uint8Array {
  const fd = fs.openSync(filePath, "r");
  try {
    const bytes = Buffer.alloc(length);
    return bytes.subarray(0, fs.readSync(fd, bytes, 0, length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** The header as the reader will map it, from the file's opening bytes; null when it does not map. */
async function headerOf(opening: Uint8Array, encoding: FileEncoding, hasBom: boolean): Promise<HeaderMap | null> {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(opening.subarray(hasBom ? 3 : 0), { stream: true });
  const lines = text.slice(0, text.lastIndexOf("\n") + 1);
  async function* one() {
    yield lines;
  }
  for await (const records of csvRecordBatches(one(), { onEnd: () => {} })) {
    const mapped = mapHeader(records[0]!.fields);
    return mapped.ok ? mapped.header : null;
  }
  return null;
}

/** Thrown when the first part's reader did not end where the worker began: the parts are thrown away. */
class SplitNotCleanError extends Error {}

/**
 * The file in two parts (decision 044): this thread reads up to a line end near the middle, a worker
 * thread reads from there, both feed the one COPY. The worker assumes it starts a record on the line
 * it counted; the first part's reader, which knows, checks that (a quoted line break or a lone CR
 * across the split, or another encoding, is caught there). Then the COPY is abandoned (so nothing
 * of it is staged) and the file is read again on this thread: null. Refusals come out as reading the
 * whole file on one thread would give them, since the first part's always comes first in the file.
 */
async function stageInTwoParts(sql: SqlRunner, copyFrom: NonNullable<SqlRunner["copyFrom"]>, runId: string, filePath: string, hooks: StageHooks, state: ReadState, options: StageOptions): Promise<StageProgress | null> {
  const size = fs.statSync(filePath).size;
  if (size < (options.twoThreadsFromBytes ?? Infinity)) return null;
  const opening = openingBytes(filePath, Math.min(SNIFF_BYTES, size));
  const sniffed = sniffEncoding(opening);
  // An all-ASCII opening leaves the encoding open (decode.ts): only the file read in order can settle it.
  if (sniffed.open) return null;
  const splitAt = findSplit(filePath, size, options.splitNear);
  if (splitAt === null || splitAt <= opening.length) return null;
  const header = await headerOf(opening, sniffed.encoding, sniffed.hasBom);
  if (header === null) return null;
  const worker = startStageWorker({ filePath, splitAt, runId, encoding: sniffed.encoding, header, blindIndexKey: keyRing().blindIndexKey, credits: 8 });
  const second = new SecondPart(worker);
  const progress: StageProgress = { bytesRead: 0, rowsRead: 0, rowsStaged: 0, rowsRejected: 0, threads: 2 };
  try {
    let firstEnd: { line: number; atRecordStart: boolean } | undefined;
    const firstRows = readTransactionFileBatches(counted(filePath, progress, splitAt), state, {}, { onEnd: (end) => (firstEnd = end) });
    const checkSplit = async () => {
      const firstLine = await second.firstLine;
      const sameStart = firstEnd?.atRecordStart === true && firstEnd.line === firstLine;
      if (!sameStart || state.encoding !== sniffed.encoding || JSON.stringify(state.header) !== JSON.stringify(header)) throw new SplitNotCleanError();
    };
    return await stageByCopy(sql, copyFrom, runId, firstRows, progress, hooks, { second, checkSplit });
  } catch (err) {
    if (!(err instanceof SplitNotCleanError)) throw err;
    await sql.query(`DELETE FROM "ReconciliationRejectedRow" WHERE "runId" = $1`, [runId]);
    delete state.encoding;
    delete state.header;
    return null;
  } finally {
    await second.stop();
  }
}

async function insertRejected(sql: SqlRunner, runId: string, bad: FileRow[]) {
  if (bad.length === 0) return;
  const problems = bad.map((r) => (r.kind === "rejected" ? r.problems : []));
  await sql.query(INSERT_REJECTED, [runId, bad.map((r) => r.lineNumber), problems.map((p) => p[0]!.key), problems.map((p) => p[0]!.field), problems.map((p) => JSON.stringify(p))]);
}

/**
 * One COPY for the whole file, fed as the rows are read: the reader waits whenever the connection
 * has not taken the last piece (backpressure), so neither the file nor a batch of row objects is
 * held. Rejected rows (rare) go in beside it by batch. `afterBatch` runs every STAGE_BATCH_ROWS rows.
 * With a second part, its pieces go in between this thread's as they arrive (rows carry their line
 * numbers, so their order in the table is of no account), and the rest after the split is checked.
 */
async function stageByCopy(
  sql: SqlRunner, copyFrom: NonNullable<SqlRunner["copyFrom"]>, runId: string, rows: AsyncIterable<FileRow[]>, progress: StageProgress, hooks: StageHooks,
  two?: { second: SecondPart; checkSplit: () => Promise<void> },
) {
  const accountHash = (full: string) => blindIndex("account-no", full);
  async function* pieces(): AsyncGenerator<string | Uint8Array> {
    // Lines joined once per piece: a string grown by += is a rope that Buffer.from flattens slowly.
    let lines: string[] = [];
    let inBatch = 0;
    let staged = 0;
    let bad: FileRow[] = [];
    const endBatch = async () => {
      await insertRejected(sql, runId, bad);
      progress.rowsStaged += staged;
      progress.rowsRejected += bad.length;
      staged = 0;
      inBatch = 0;
      bad = [];
      await hooks.afterBatch?.({ ...progress });
    };
    async function* fromWorker(pieces: Iterable<Piece> | AsyncIterable<Piece>) {
      for await (const piece of pieces) {
        progress.bytesRead += piece.bytesRead;
        progress.rowsRead += piece.rowsRead;
        inBatch += piece.rowsRead;
        staged += piece.rowsStaged;
        bad.push(...piece.rejected);
        if (piece.text.length > 0) yield piece.text;
        if (inBatch >= STAGE_BATCH_ROWS) await endBatch();
      }
    }
    for await (const chunkRows of rows) for (const row of chunkRows) {
      progress.rowsRead++;
      inBatch++;
      if (row.kind === "rejected") bad.push(row);
      else {
        lines.push(copyLine(runId, row.lineNumber, row.record, accountHash));
        staged++;
      }
      if (lines.length >= COPY_PIECE_ROWS) {
        yield lines.join("");
        lines = [];
        if (two) yield* fromWorker(two.second.take());
      }
      if (inBatch >= STAGE_BATCH_ROWS) await endBatch();
    }
    if (lines.length > 0) yield lines.join("");
    if (two) {
      await two.checkSplit();
      yield* fromWorker(two.second.rest());
    }
    await endBatch();
  }
  await copyFrom(COPY_ROWS, pieces());
  return progress;
}

/** Batches of `unnest` arrays (PGlite): while one batch is written the next is parsed. */
async function stageByBatches(sql: SqlRunner, runId: string, rows: AsyncIterable<FileRow[]>, progress: StageProgress, hooks: StageHooks): Promise<StageProgress> {
  let batch = emptyBatch();
  let rejected: FileRow[] = [];
  let inFlight: Promise<void> = Promise.resolve();

  const flush = async () => {
    const rows = batch;
    const bad = rejected;
    batch = emptyBatch();
    rejected = [];
    await inFlight;
    inFlight = (async () => {
      if (rows.line.length > 0) {
        await sql.query(INSERT_ROWS, [runId, rows.line, rows.at, rows.terminal, rows.merchant, rows.payee, rows.key, rows.last4, rows.hash, rows.amount, rows.reference]);
      }
      await insertRejected(sql, runId, bad);
      progress.rowsStaged += rows.line.length;
      progress.rowsRejected += bad.length;
      await hooks.afterBatch?.({ ...progress });
    })();
    // Surface a failed write at once rather than at the next flush only.
    inFlight.catch(() => {});
  };

  try {
    await readAll();
  } catch (err) {
    // A refused file or a failed write: let the batch in flight settle before the caller cleans up.
    await inFlight.catch(() => {});
    throw err;
  }
  await flush();
  await inFlight;
  return progress;

  async function readAll() {
  for await (const chunkRows of rows) for (const row of chunkRows) {
    progress.rowsRead++;
    if (row.kind === "rejected") rejected.push(row);
    else {
      const r = row.record;
      batch.line.push(row.lineNumber);
      batch.at.push(r.transactionAt.toISOString());
      batch.terminal.push(r.terminalId);
      batch.merchant.push(r.merchantNo);
      batch.payee.push(r.payeeName);
      batch.key.push(payeeKey(r.payeeName));
      batch.last4.push(r.account.last4);
      batch.hash.push(r.account.full === undefined ? null : blindIndex("account-no", r.account.full));
      batch.amount.push(String(r.amountFen));
      batch.reference.push(r.reference);
    }
    if (batch.line.length + rejected.length >= STAGE_BATCH_ROWS) await flush();
  }
  }
}
