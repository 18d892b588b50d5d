// `npm run gen:transactions -- --rows 1000000 --mismatch-rate 0.01 [--out file.csv] [--encoding gb18030] [--seed 1]`
// Writes a realistic acquiring-host transaction file (docs/reconciliation-file-format.md) against the
// approved merchants, accounts in force and terminal bindings in the database (DATABASE_URL or the
// embedded one), streaming, plus `<out>.mismatches.json` listing every planted mismatch by line.
import fs from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import iconv from "iconv-lite";
import { database } from "@/lib/server/db";
import { COLUMNS } from "@/lib/domain/reconciliation/header";
import { csvLine, rowPlanner, seededRandom, type GeneratorBinding } from "@/lib/domain/reconciliation/generate";

type BindingRow = {
  terminalId: string;
  merchantNo: string;
  payeeName: string;
  accountLast4: string;
  boundFrom: Date | string;
  boundTo: Date | string | null;
  accountFrom: Date | string | null;
  approvedAt: Date | string | null;
};

const BINDINGS_SQL = `
  SELECT t."terminalId", t."boundFrom", t."boundTo", m."merchantNo",
         COALESCE(m."receiptName", m."legalName") AS "payeeName",
         a."accountLast4", a."effectiveFrom" AS "accountFrom", m."inForceApprovedAt" AS "approvedAt"
    FROM "TerminalBinding" t
    JOIN "Merchant" m ON m.id = t."merchantId"
    JOIN LATERAL (
      SELECT r."accountLast4", r."effectiveFrom" FROM "ReceivingAccount" r
       WHERE r."merchantId" = m.id AND r.status = 'IN_FORCE' AND r."effectiveTo" IS NULL
       ORDER BY r."effectiveFrom" DESC LIMIT 1) a ON true
   WHERE m.status = 'ACTIVE' AND m.version > 0 AND m."merchantNo" IS NOT NULL`;

function options() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "1000" },
      "mismatch-rate": { type: "string", default: "0.01" },
      out: { type: "string", default: "transactions.csv" },
      encoding: { type: "string", default: "utf-8" },
      seed: { type: "string", default: "1" },
    },
  });
  const rows = Number(values.rows);
  const mismatchRate = Number(values["mismatch-rate"]);
  const seed = Number(values.seed);
  if (!Number.isInteger(rows) || rows < 0) throw new Error("--rows must be a whole number ≥ 0");
  if (!(mismatchRate >= 0 && mismatchRate <= 1)) throw new Error("--mismatch-rate must be between 0 and 1");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  if (values.encoding !== "utf-8" && values.encoding !== "gb18030") throw new Error("--encoding must be utf-8 or gb18030");
  return { rows, mismatchRate, seed, out: values.out, encoding: values.encoding };
}

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

async function loadBindings(): Promise<GeneratorBinding[]> {
  const db = await database();
  try {
    const rows = await db.sql.query<BindingRow>(BINDINGS_SQL);
    return rows.map((r) => ({
      terminalId: r.terminalId,
      merchantNo: r.merchantNo,
      payeeName: r.payeeName,
      accountLast4: r.accountLast4,
      boundFrom: toDate(r.boundFrom),
      boundTo: r.boundTo === null ? null : toDate(r.boundTo),
      factsSince: new Date(Math.max(r.accountFrom === null ? 0 : toDate(r.accountFrom).getTime(), r.approvedAt === null ? 0 : toDate(r.approvedAt).getTime())),
    }));
  } finally {
    await db.close();
  }
}

/** Writes with backpressure: waits for 'drain' when the stream's buffer is full. */
async function write(stream: fs.WriteStream, chunk: string | Buffer) {
  if (!stream.write(chunk)) await once(stream, "drain");
}

async function main() {
  const opts = options();
  const bindings = await loadBindings();
  const plan = rowPlanner(bindings, { mismatchRate: opts.mismatchRate, now: new Date(), random: seededRandom(opts.seed) });
  const encode = (text: string) => (opts.encoding === "gb18030" ? iconv.encode(text, "gb18030") : Buffer.from(text, "utf8"));

  const csv = fs.createWriteStream(opts.out);
  const sidecar = fs.createWriteStream(`${opts.out}.mismatches.json`);
  await write(sidecar, `{"file":${JSON.stringify(opts.out)},"encoding":"${opts.encoding}","rows":${opts.rows},"mismatchRate":${opts.mismatchRate},"seed":${opts.seed},"planted":[\n`);

  let batch = csvLine(COLUMNS) + "\r\n";
  let planted = 0;
  for (let i = 0; i < opts.rows; i++) {
    const row = plan(i);
    batch += csvLine(COLUMNS.map((c) => row.fields[c])) + "\r\n";
    if (row.mismatch !== undefined) {
      // Line 1 is the header; generated fields never hold a newline, so row i is on line i + 2.
      const entry = { line: i + 2, kind: row.mismatch, terminalId: row.fields.terminal_id, reference: row.fields.reference };
      await write(sidecar, `${planted === 0 ? "" : ",\n"}${JSON.stringify(entry)}`);
      planted++;
    }
    if (batch.length >= 1 << 16) {
      await write(csv, encode(batch));
      batch = "";
    }
  }
  if (batch !== "") await write(csv, encode(batch));
  await write(sidecar, `\n],"plantedCount":${planted}}\n`);
  await Promise.all([new Promise((r) => csv.end(r)), new Promise((r) => sidecar.end(r))]);
  console.log(`${opts.out}: ${opts.rows} rows (${opts.encoding}) from ${bindings.length} terminal bindings, ${planted} planted mismatches listed in ${opts.out}.mismatches.json`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
