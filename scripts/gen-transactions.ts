// `npm run gen:transactions -- --rows 1000000 --mismatch-rate 0.01 [--out file.csv] [--encoding gb18030] [--seed 1]`
// Writes a realistic acquiring-host transaction file (docs/reconciliation-file-format.md) against the
// approved merchants, accounts in force and terminal bindings in the database (DATABASE_URL or the
// embedded one), streaming, plus `<out>.mismatches.json` listing every planted mismatch by line.
import { parseArgs } from "node:util";
import { database } from "@/lib/server/db";
import { rowPlanner, seededRandom, type GeneratorBinding } from "@/lib/domain/reconciliation/generate";
import { loadGeneratorBindings } from "@/lib/server/reconciliation/generator-bindings";
import { writeTransactionFile } from "./transaction-file-writer";

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
  const encoding: "utf-8" | "gb18030" | null = values.encoding === "gb18030" ? "gb18030" : values.encoding === "utf-8" ? "utf-8" : null;
  if (encoding === null) throw new Error("--encoding must be utf-8 or gb18030");
  return { rows, mismatchRate, seed, out: values.out, encoding };
}

async function loadBindings(): Promise<GeneratorBinding[]> {
  const db = await database();
  try {
    return await loadGeneratorBindings(db.sql);
  } finally {
    await db.close();
  }
}

async function main() {
  const opts = options();
  const bindings = await loadBindings();
  const plan = rowPlanner(bindings, { mismatchRate: opts.mismatchRate, now: new Date(), random: seededRandom(opts.seed) });
  const planted = await writeTransactionFile(plan, {
    out: opts.out,
    rows: opts.rows,
    encoding: opts.encoding,
    header: { mismatchRate: opts.mismatchRate, seed: opts.seed },
  });
  console.log(`${opts.out}: ${opts.rows} rows (${opts.encoding}) from ${bindings.length} terminal bindings, ${planted} planted mismatches listed in ${opts.out}.mismatches.json`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
