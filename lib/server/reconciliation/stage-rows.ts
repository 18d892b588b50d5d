import "server-only";
import fs from "node:fs";
import { payeeKey } from "@/lib/domain/reconciliation/payee-key";
import { readTransactionFileBatches, type FileRow, type ReadState } from "@/lib/domain/reconciliation/read-file";
import type { TransactionRecord } from "@/lib/domain/reconciliation/row";
import { stagedTimeText } from "@/lib/domain/reconciliation/staged-time";
import { blindIndex } from "@/lib/server/crypto/sensitive";
import type { SqlRunner } from "@/lib/server/db/sql-runner";

export const STAGE_BATCH_ROWS = 10_000;
/** Rows per piece handed to COPY: small pieces keep the text in memory small and young (decisions 035, 039). */
const COPY_PIECE_ROWS = 250;

export type StageProgress = { bytesRead: number; rowsRead: number; rowsStaged: number; rowsRejected: number };
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
const COPY_ROWS = `COPY "ReconciliationRow" ("runId", "lineNumber", "transactionAt", "terminalId", "merchantNo", "payeeName", "payeeKey", "accountLast4", "accountHash", "amountFen", "reference") FROM STDIN`;
const INSERT_REJECTED = `
  INSERT INTO "ReconciliationRejectedRow" ("runId", "lineNumber", "reasonKey", "column", "problems")
  SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[])`;

/**
 * Bytes are counted as the reader pulls them, so progress is what was really read. 16 KiB reads: the
 * rows of one read are parsed together (decision 039), and the more row objects are alive at once the
 * more survive into the old heap, which V8 lets grow (1,000,000 rows: peak RSS 392 MB with 64 KiB
 * reads and 1,000-line COPY pieces, 271 MB with 16 KiB and 250).
 */
async function* counted(path: string, progress: StageProgress): AsyncGenerator<Uint8Array> {
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 16 * 1024 })) {
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
export async function stageRows(sql: SqlRunner, runId: string, filePath: string, hooks: StageHooks = {}, state: ReadState = {}): Promise<StageProgress> {
  const progress: StageProgress = { bytesRead: 0, rowsRead: 0, rowsStaged: 0, rowsRejected: 0 };
  const rows = readTransactionFileBatches(counted(filePath, progress), state);
  return sql.copyFrom ? stageByCopy(sql, sql.copyFrom, runId, rows, progress, hooks) : stageByBatches(sql, runId, rows, progress, hooks);
}

async function insertRejected(sql: SqlRunner, runId: string, bad: FileRow[]) {
  if (bad.length === 0) return;
  const problems = bad.map((r) => (r.kind === "rejected" ? r.problems : []));
  await sql.query(INSERT_REJECTED, [runId, bad.map((r) => r.lineNumber), problems.map((p) => p[0]!.key), problems.map((p) => p[0]!.field), problems.map((p) => JSON.stringify(p))]);
}

/** COPY's text format: backslash, tab and line ends escaped; \N is NULL. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
export const copyText = (s: string) => (COPY_SPECIAL.test(s) ? s.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]!) : s);

function copyLine(runId: string, lineNumber: number, r: TransactionRecord): string {
  const hash = r.account.full === undefined ? "\\N" : copyText(blindIndex("account-no", r.account.full));
  return `${runId}\t${lineNumber}\t${stagedTimeText(r.transactionAt)}\t${copyText(r.terminalId)}\t${copyText(r.merchantNo)}\t${copyText(r.payeeName)}\t${copyText(payeeKey(r.payeeName))}\t${copyText(r.account.last4)}\t${hash}\t${r.amountFen}\t${copyText(r.reference)}\n`;
}

/**
 * One COPY for the whole file, fed as the rows are read: the reader waits whenever the connection
 * has not taken the last piece (backpressure), so neither the file nor a batch of row objects is
 * held. Rejected rows (rare) go in beside it by batch. `afterBatch` runs every STAGE_BATCH_ROWS rows.
 */
async function stageByCopy(sql: SqlRunner, copyFrom: NonNullable<SqlRunner["copyFrom"]>, runId: string, rows: AsyncIterable<FileRow[]>, progress: StageProgress, hooks: StageHooks) {
  async function* pieces(): AsyncGenerator<string> {
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
    for await (const chunkRows of rows) for (const row of chunkRows) {
      progress.rowsRead++;
      inBatch++;
      if (row.kind === "rejected") bad.push(row);
      else {
        lines.push(copyLine(runId, row.lineNumber, row.record));
        staged++;
      }
      if (lines.length >= COPY_PIECE_ROWS) {
        yield lines.join("");
        lines = [];
      }
      if (inBatch >= STAGE_BATCH_ROWS) await endBatch();
    }
    if (lines.length > 0) yield lines.join("");
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
      batch.at.push(stagedTimeText(r.transactionAt));
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
