import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { rowPlanner, seededRandom } from "@/lib/domain/reconciliation/generate";
import { COLUMNS, type HeaderMap } from "@/lib/domain/reconciliation/header";
import { payeeKey } from "@/lib/domain/reconciliation/payee-key";
import { parseRow } from "@/lib/domain/reconciliation/row";
import { findingKindOf } from "@/lib/domain/reconciliation/schemas";
import { stagedTimeText } from "@/lib/domain/reconciliation/staged-time";
import { blindIndex } from "@/lib/server/crypto/sensitive";
import { resetEnvForTests } from "@/lib/server/env";
import type { Actor } from "@/lib/server/auth/current-actor";
import { database } from "@/lib/server/db";
import { loadGeneratorBindings } from "@/lib/server/reconciliation/generator-bindings";
import { processRun, type RunHooks } from "@/lib/server/reconciliation/process-run";
import { startReconciliationRun } from "@/lib/server/reconciliation/start-run";
import { writeTransactionFile } from "@/scripts/transaction-file-writer";
import { meta, seedActor } from "./actors";
import { ensureReferenceRows } from "./applications";
import { approvedMerchant } from "./workflow";

const DAY = 86_400_000;

/**
 * Approved merchants whose records (binding, account, version) took effect 30 days ago, so the
 * generator has whole days of clean transactions to draw from, and an auditor.
 */
export async function reconciliationFixture(merchants = 4) {
  await ensureReferenceRows();
  const ids: string[] = [];
  for (let i = 0; i < merchants; i++) ids.push((await approvedMerchant()).merchantId);
  const { sql } = await database();
  const back = new Date(Date.now() - 30 * DAY).toISOString();
  await sql.query(`UPDATE "TerminalBinding" SET "boundFrom" = $1 WHERE "merchantId" = ANY($2)`, [back, ids]);
  await sql.query(`UPDATE "ReceivingAccount" SET "effectiveFrom" = $1 WHERE "merchantId" = ANY($2) AND "effectiveFrom" IS NOT NULL`, [back, ids]);
  await sql.query(`UPDATE "MerchantVersion" SET "approvedAt" = $1 WHERE "merchantId" = ANY($2)`, [back, ids]);
  await sql.query(`UPDATE "Merchant" SET "inForceApprovedAt" = $1 WHERE id = ANY($2)`, [back, ids]);
  return { merchantIds: ids, auditor: await seedActor("AUDITOR") };
}

export type Planted = { line: number; kind: string; terminalId: string; reference: string };

/** A generated file against the fixture's records, with its planted mismatches (sidecar). */
export async function generatedFile(options: { rows: number; mismatchRate?: number; encoding?: "utf-8" | "gb18030"; seed?: number }) {
  const { sql } = await database();
  const bindings = await loadGeneratorBindings(sql);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "recon-")), `transactions-${options.encoding ?? "utf-8"}.csv`);
  const plan = rowPlanner(bindings, { mismatchRate: options.mismatchRate ?? 0.1, now: new Date(), random: seededRandom(options.seed ?? 1) });
  await writeTransactionFile(plan, { out, rows: options.rows, encoding: options.encoding ?? "utf-8", header: {} });
  const sidecar = JSON.parse(fs.readFileSync(`${out}.mismatches.json`, "utf8")) as { planted: Planted[] };
  return { path: out, planted: sidecar.planted };
}

/** "line:KIND" for each planted mismatch, sorted: what the run must find, and nothing else. */
export const plantedKeys = (planted: Planted[]) => planted.map((p) => `${p.line}:${findingKindOf(p.kind)}`).sort();

export async function mismatchKeys(runId: string) {
  const { sql } = await database();
  // A group's mismatches are every one of its rows' (decision 043): its rows are those alike in what
  // is compared, within its time (groups alike in that, split at a change, do not overlap in time).
  const rows = await sql.query<{ lineNumber: number; kind: string }>(
    `SELECT DISTINCT r."lineNumber", k.kind::text AS kind
       FROM "ReconciliationRowGroup" g CROSS JOIN LATERAL unnest(g.kinds) AS k(kind)
       JOIN (${await stagedRowsOf(runId)}) r ON r."terminalId" = g."terminalId" AND r."merchantNo" = g."merchantNo"
        AND r."payeeKey" = g."payeeKey" AND r."accountLast4" = g."accountLast4" AND r."accountHash" IS NOT DISTINCT FROM g."accountHash"
        AND r."transactionAt" BETWEEN g."firstAt" AND g."lastAt"
      WHERE g."runId" = $1`,
    [runId],
  );
  return rows.map((r) => `${r.lineNumber}:${r.kind}`).sort();
}

/**
 * The run's staged rows as a relation ($1 the run): its parsed rows, or for a plain run (decision 045)
 * its copied rows parsed here by the domain's row parser, as the reader would have staged them.
 */
async function stagedRowsOf(runId: string): Promise<string> {
  const { sql } = await database();
  const [run] = await sql.query<{ from: string | null; to: string | null }>(`SELECT "rawSeqFrom"::text AS from, "rawSeqTo"::text AS to FROM "ReconciliationRun" WHERE id = $1`, [runId]);
  if (run?.from == null || run.to == null) return `SELECT * FROM "ReconciliationRow" WHERE "runId" = $1`;
  const copied = await sql.query<Record<string, string> & { seq: string }>(
    `SELECT seq::text, "transactionTime", "terminalId", "merchantNo", "payeeName", "settlementAccount", amount, reference FROM "ReconciliationRawRow" WHERE seq BETWEEN $1 AND $2`,
    [run.from, run.to],
  );
  const header: HeaderMap = { positions: Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as HeaderMap["positions"], ignored: [] };
  const values = copied.map((r) => {
    const parsed = parseRow([r.transactionTime, r.terminalId, r.merchantNo, r.payeeName, r.settlementAccount, r.amount, r.reference].map((v) => v ?? ""), header);
    if (!parsed.ok) throw new Error(`copied row ${r.seq} does not parse: ${JSON.stringify(parsed.problems)}`);
    const { record } = parsed;
    const line = Number(BigInt(r.seq) - BigInt(run.from!)) + 2;
    const hash = record.account.full === undefined ? "NULL" : `'${blindIndex("account-no", record.account.full)}'`;
    const text = (v: string) => `'${v.replaceAll("'", "''")}'`;
    return `(${line}, ${text(stagedTimeText(record.transactionAt))}::timestamp(3), ${text(record.terminalId)}, ${text(record.merchantNo)}, ${text(payeeKey(record.payeeName))}, ${text(record.account.last4)}, ${hash})`;
  });
  if (values.length === 0) return `SELECT * FROM "ReconciliationRow" WHERE false AND "runId" = $1`;
  return `SELECT * FROM (VALUES ${values.join(", ")}) AS v("lineNumber", "transactionAt", "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash") WHERE $1::text IS NOT NULL`;
}

/** Deletes a run's staged rows (every other one with `half`), as a database crash empties unlogged tables. */
export async function loseStagedRows(runId: string, half = false) {
  const { sql } = await database();
  await sql.query(`DELETE FROM "ReconciliationRow" WHERE "runId" = $1 ${half ? `AND "lineNumber" % 2 = 0` : ""}`, [runId]);
  await sql.query(
    `DELETE FROM "ReconciliationRawRow" WHERE seq BETWEEN (SELECT "rawSeqFrom" FROM "ReconciliationRun" WHERE id = $1) AND (SELECT "rawSeqTo" FROM "ReconciliationRun" WHERE id = $1) ${half ? "AND seq % 2 = 0" : ""}`,
    [runId],
  );
}

/** How many staged rows a run has, parsed or copied as text. */
export async function stagedRowCount(runId: string) {
  const { sql } = await database();
  const [r] = await sql.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM "ReconciliationRow" WHERE "runId" = $1)
          + (SELECT count(*) FROM "ReconciliationRawRow" WHERE seq BETWEEN (SELECT "rawSeqFrom" FROM "ReconciliationRun" WHERE id = $1) AND (SELECT "rawSeqTo" FROM "ReconciliationRun" WHERE id = $1)))::int AS n`,
    [runId],
  );
  return r!.n;
}

/**
 * How a suite's runs are staged: on a PostgreSQL server both ways (plain files copied as text, and
 * every file read by the app, decision 045); on PGlite only read by the app.
 */
export const stagings = process.env.DATABASE_URL ? (["copied as text", "read by the app"] as const) : (["read by the app"] as const);
export type Staging = (typeof stagings)[number];

/** Switches the staging for the tests that follow (RECONCILIATION_PLAIN_COPY). */
export function useStaging(staging: Staging) {
  process.env.RECONCILIATION_PLAIN_COPY = staging === "copied as text" ? "on" : "off";
  resetEnvForTests();
}

/** Upload as the route does (a byte stream) and process as the background worker does. */
export async function uploadAndRun(actor: Actor, filePath: string, hooks?: RunHooks) {
  const started = await startReconciliationRun({ actor, input: { fileName: path.basename(filePath) }, body: fs.createReadStream(filePath), requestMeta: meta() });
  const outcome = await processRun(started.runId, { hooks, handover: true, instants: started.instants });
  return { ...started, outcome };
}

export function writeCsv(lines: string[]) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "recon-")), "hand-made.csv");
  fs.writeFileSync(out, lines.join("\r\n") + "\r\n");
  return out;
}
