// Reconciliation of a 1,000,000-row transaction file on PostgreSQL, upload to findings: the file
// streamed to disk as the upload route does, staged in batches, compared set-based, findings in one
// transaction (what an auditor's upload runs). Baseline in the same run: psql's \copy of the same
// file into a bare 7-column text table (parsing nothing, checking nothing). Peak RSS of this process
// is sampled every 50 ms during the run (target < 300 MB: streaming, not loading the file). The file
// is generated in a child process (`npm run gen:transactions`), so the generator's data is not in the
// measured process: it holds what the app's does.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_ROUNDS, createBenchDatabase, fmt, median } from "./lib";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const MERCHANTS = Number(process.env.BENCH_MERCHANTS ?? 20_000);
const DAY = 86_400_000;

async function load(sql: { query: (text: string, params?: unknown[]) => Promise<unknown> }) {
  await sql.query(`ALTER TABLE "MerchantVersion" DISABLE TRIGGER merchant_version_in_force`);
  const since = new Date(Date.now() - 60 * DAY).toISOString();
  await sql.query(
    `WITH n AS (SELECT g AS i, 'm' || lpad(g::text, 7, '0') AS id FROM generate_series(0, $1::int - 1) g),
     m AS (INSERT INTO "Merchant" (id, "merchantNo", status, version, type, "legalName", "receiptName", mcc, "divisionCode", "updatedAt", "inForceApprovedAt")
           SELECT id, lpad(i::text, 15, '0'), 'ACTIVE', 1, 'ENTERPRISE', '基准商户' || id || '有限公司', '基准' || id, '5411', '350102', now(), $2::timestamp(3) FROM n),
     v AS (INSERT INTO "MerchantVersion" ("merchantId", version, snapshot, "changeRequestId", "approvedById", "approvedAt")
           SELECT id, 1, '{}'::jsonb, 'cr' || id, 'supervisor', $2::timestamp(3) FROM n),
     a AS (INSERT INTO "ReceivingAccount" (id, "merchantId", "merchantVersion", "accountType", "accountName", "accountNoEnc", "accountNoHash", "accountLast4", "bankCode", "branchName", cnaps, status, "effectiveFrom", "changeRequestId")
           SELECT 'a' || id, id, 1, 'CORPORATE', '基准商户' || id, 'x', md5(id), lpad((i % 10000)::text, 4, '0'), '102', '支行', '102391000231', 'IN_FORCE', $2::timestamp(3), 'cr' || id FROM n)
     INSERT INTO "TerminalBinding" (id, "terminalId", "serialNo", "merchantId", "installAddress", "boundFrom", "changeRequestId")
     SELECT 't' || id || '-' || k, 'T' || lpad((i * 2 + k)::text, 7, '0'), 'SN' || id || k, id, '收银台', $2::timestamp(3), 'cr' || id FROM n, generate_series(0, 1) k`,
    [MERCHANTS, since],
  );
  await sql.query(`ALTER TABLE "MerchantVersion" ENABLE TRIGGER merchant_version_in_force`);
  for (const t of ["Merchant", "MerchantVersion", "ReceivingAccount", "TerminalBinding"]) await sql.query(`VACUUM ANALYZE "${t}"`);
}

/** `npm run gen:transactions` in a child process; returns how many mismatches it planted. */
function generateFile(url: string, file: string): number {
  const script = path.join(import.meta.dirname, "../scripts/gen-transactions.ts");
  const gen = spawnSync(process.execPath, [...process.execArgv, script, "--rows", String(ROWS), "--mismatch-rate", "0.01", "--seed", "1", "--out", file], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
  });
  const planted = /(\d+) planted mismatches/.exec(gen.stdout)?.[1];
  if (gen.status !== 0 || planted === undefined) throw new Error(`gen:transactions failed: ${gen.stderr}${gen.stdout}`);
  return Number(planted);
}

export async function benchReconciliation() {
  const db = await createBenchDatabase("reconciliation");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-recon-"));
  process.env.DATABASE_URL = db.url;
  process.env.DATA_DIR = dataDir;
  process.env.BLIND_INDEX_KEY ??= crypto.randomBytes(32).toString("base64");
  process.env.DATA_ENCRYPTION_KEYS ??= `b1:${crypto.randomBytes(32).toString("base64")}`;
  const { database, prisma } = await import("../lib/server/db");
  const { startReconciliationRun } = await import("../lib/server/reconciliation/start-run");
  const { processRun } = await import("../lib/server/reconciliation/process-run");
  const handle = await database();
  try {
    await load(handle.sql);
    const file = path.join(dataDir, "transactions.csv");
    const planted = generateFile(db.url, file);
    const size = fs.statSync(file).size;

    await handle.sql.query(`CREATE TABLE bare (transaction_time text, terminal_id text, merchant_no text, payee_name text, settlement_account text, amount text, reference text)`);
    const user = await (await prisma()).user.create({ data: { id: crypto.randomUUID(), username: "bench-auditor", displayName: "Bench auditor", role: "AUDITOR", passwordHash: "x" } });
    const actor = { id: user.id, username: user.username, displayName: user.displayName, role: "AUDITOR" as const } as Parameters<typeof startReconciliationRun>[0]["actor"];

    type Round = { copy: number; total: number; receive: number; stage: number; compare: number; findings: number; rssBefore: number; peak: number; peakStaging: number; peakHeap: number; findingsCount: number };
    const rounds: Round[] = [];
    for (let r = 0; r < BENCH_ROUNDS; r++) {
      await handle.sql.query(`TRUNCATE bare`);
      const c0 = performance.now();
      const copy = spawnSync("psql", [db.url, "-v", "ON_ERROR_STOP=1", "-c", `\\copy bare FROM '${file}' WITH (FORMAT csv, HEADER true)`], { encoding: "utf8" });
      const copySeconds = (performance.now() - c0) / 1000;
      if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);

      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      let peakHeap = 0;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }, 50);
      const t0 = performance.now();
      const started = await startReconciliationRun({ actor, input: { fileName: "transactions.csv" }, body: fs.createReadStream(file, { highWaterMark: 64 * 1024 }), requestMeta: { ip: null, userAgent: "bench" } });
      const t1 = performance.now();
      let staged = 0;
      let compared = 0;
      let peakStaging = 0;
      const afterStaging = () => {
        staged = performance.now();
        peakStaging = Math.max(peak, process.memoryUsage().rss);
      };
      const outcome = await processRun(started.runId, { handover: true, instants: started.instants, hooks: { afterStaging, beforeFinish: () => void (compared = performance.now()) } });
      const t2 = performance.now();
      clearInterval(sampler);
      const run = await (await prisma()).reconciliationRun.findUniqueOrThrow({ where: { id: started.runId } });
      if (outcome !== "DONE" || run.rowsStaged !== ROWS || run.mismatchRows !== planted) throw new Error(`run ${outcome}: staged ${run.rowsStaged}/${ROWS}, mismatched ${run.mismatchRows}/${planted}`);
      rounds.push({ copy: copySeconds, total: (t2 - t0) / 1000, receive: (t1 - t0) / 1000, stage: (staged - t1) / 1000, compare: (compared - staged) / 1000, findings: (t2 - compared) / 1000, rssBefore, peak, peakStaging, peakHeap, findingsCount: run.findingsCount });
    }
    const m = (pick: (r: Round) => number) => median(rounds.map(pick));
    const each = (pick: (r: Round) => number) => rounds.map((r) => fmt(pick(r))).join(" / ");
    const [copySeconds, total] = [m((r) => r.copy), m((r) => r.total)];
    const peak = Math.max(...rounds.map((r) => r.peak));
    const mb = (b: number) => `${fmt(b / 2 ** 20, 0)} MB`;
    return {
      name: `reconciliation of a ${ROWS.toLocaleString("en")}-row file (${mb(size)}) against ${MERCHANTS.toLocaleString("en")} merchants / ${(2 * MERCHANTS).toLocaleString("en")} terminals on PostgreSQL (median of ${BENCH_ROUNDS})`,
      rows: [
        ["psql \\copy of the file into a bare text table (baseline)", `${fmt(copySeconds)} s (rounds ${each((r) => r.copy)})`, `${fmt(ROWS / copySeconds / 1000, 0)}k rows/s`],
        [
          "upload to findings (receive + stage + compare + findings)",
          `${fmt(total)} s (rounds ${each((r) => r.total)}; median receive ${fmt(m((r) => r.receive))} s, stage ${fmt(m((r) => r.stage))} s, compare ${fmt(m((r) => r.compare))} s, findings ${fmt(m((r) => r.findings))} s)`,
          `×${fmt(total / copySeconds, 2)} baseline (target ≤ 3); ${planted.toLocaleString("en")} planted mismatches all found in every round, ${rounds[0]!.findingsCount.toLocaleString("en")} findings`,
        ],
        [`peak RSS of the process during a run (highest round${global.gc ? "; the heap collected before each" : "; no collection between rounds: run with --expose-gc"})`, mb(peak), `${peak < 300 * 2 ** 20 ? "meets" : "misses"} < 300 MB (${mb(rounds[0]!.rssBefore)} before the first run; rounds ${rounds.map((r) => mb(r.peak)).join(" / ")}, during staging ${rounds.map((r) => mb(r.peakStaging)).join(" / ")}; JS heap in use at most ${mb(Math.max(...rounds.map((r) => r.peakHeap)))})`],
      ],
      summary: `file generated by the planner with --mismatch-rate 0.01; masked accounts (last-4 comparison); each round stages the file anew as a new run`,
    };
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP) console.log(`kept ${db.url}`);
    else await db.drop();
  }
}
