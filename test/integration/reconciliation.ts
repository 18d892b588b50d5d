import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { rowPlanner, seededRandom } from "@/lib/domain/reconciliation/generate";
import { findingKindOf } from "@/lib/domain/reconciliation/schemas";
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
       JOIN "ReconciliationRow" r ON r."runId" = g."runId" AND r."terminalId" = g."terminalId" AND r."merchantNo" = g."merchantNo"
        AND r."payeeKey" = g."payeeKey" AND r."accountLast4" = g."accountLast4" AND r."accountHash" IS NOT DISTINCT FROM g."accountHash"
        AND r."transactionAt" BETWEEN g."firstAt" AND g."lastAt"
      WHERE g."runId" = $1`,
    [runId],
  );
  return rows.map((r) => `${r.lineNumber}:${r.kind}`).sort();
}

/** Upload as the route does (a byte stream) and process as the background worker does. */
export async function uploadAndRun(actor: Actor, filePath: string, hooks?: RunHooks) {
  const started = await startReconciliationRun({ actor, input: { fileName: path.basename(filePath) }, body: fs.createReadStream(filePath), requestMeta: meta() });
  const outcome = await processRun(started.runId, { hooks, handover: true });
  return { ...started, outcome };
}

export function writeCsv(lines: string[]) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "recon-")), "hand-made.csv");
  fs.writeFileSync(out, lines.join("\r\n") + "\r\n");
  return out;
}
