// BENCHMARKS.md is rebuilt from bench/results.json after every run: each benchmark keeps its
// latest result (with when and on what it ran), so running one benchmark updates only its section.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type Report = { name: string; rows: string[][]; summary: string };
type Stored = Report & { key: string; at: string; command: string; machine: string; loadBefore: string; loadAfter: string };

const RESULTS = path.join(import.meta.dirname, "results.json");
const MARKDOWN = path.join(import.meta.dirname, "..", "BENCHMARKS.md");

export function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

export function storeResult(key: string, report: Report, loadBefore: string) {
  const all: Record<string, Stored> = fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, "utf8")) : {};
  all[key] = { ...report, key, at: new Date().toISOString(), command: `npm run bench -- ${key}`, machine: machine(), loadBefore, loadAfter: loadAverage() };
  fs.writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
  fs.writeFileSync(MARKDOWN, markdown(Object.values(all)));
}

function markdown(results: Stored[]) {
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (all) or `npm run bench -- <name>` (one); each measure runs beside its",
    "baseline in the same process and run. Load averages (1/5/15 min) are shown because this is a",
    "shared 2-core machine: a figure taken under load is a lower bound. Targets are in the issues.",
    "",
  ];
  for (const r of results.sort((a, b) => a.key.localeCompare(b.key))) {
    lines.push(`## ${r.name}`, "", `\`${r.command}\` · ${r.at} · ${r.machine} · load ${r.loadBefore} → ${r.loadAfter}`, "");
    const width = Math.max(...r.rows.map((row) => row.length));
    lines.push(`| ${Array.from({ length: width }, (_, i) => (i === 0 ? "measure" : "")).join(" | ")} |`, `|${" --- |".repeat(width)}`);
    for (const row of r.rows) lines.push(`| ${[...row, ...Array(width - row.length).fill("")].map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`);
    lines.push("", r.summary, "");
  }
  return `${lines.join("\n")}\n`;
}
