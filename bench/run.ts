// `npm run bench [-- submissions|search|merchant-search|first-load-js|approvals|sampling|audit-verify|engines|reconciliation]`: each benchmark beside its baseline, in the
// same run. Needs the production build (npm run build) for the HTTP and browser benchmarks and the PostgreSQL
// server on 127.0.0.1:5432; every benchmark creates and drops its own database, in its own process.
import { spawnSync } from "node:child_process";
import { loadAverage, storeResult, type Report } from "./report-file";

const ALL: Record<string, () => Promise<Report>> = {
  submissions: async () => (await import("./submissions")).benchSubmissions(),
  search: async () => (await import("./account-search")).benchAccountSearch(),
  "merchant-search": async () => (await import("./merchant-search-http")).benchMerchantSearchHttp(),
  "first-load-js": async () => (await import("./first-load-js")).benchFirstLoadJs(),
  approvals: async () => (await import("./approvals")).benchApprovals(),
  sampling: async () => (await import("./sampling")).benchSampling(),
  "audit-verify": async () => (await import("./audit-verify")).benchAuditVerify(),
  engines: async () => (await import("./engines")).benchEngines(),
  reconciliation: async () => (await import("./reconciliation")).benchReconciliation(),
};

async function runOne(name: string) {
  const loadBefore = loadAverage();
  const report = await ALL[name]!();
  storeResult(name, report, loadBefore);
  console.log(`\n## ${report.name}`);
  for (const row of report.rows) console.log(`  ${row.join("  |  ")}`);
  console.log(`  ${report.summary}`);
  console.log(`  load ${loadBefore} → ${loadAverage()}`);
}

async function main() {
  const chosen = process.argv.slice(2).filter((a) => a in ALL);
  if (chosen.length === 1) return runOne(chosen[0]!);
  let failed = false;
  for (const name of chosen.length ? chosen : Object.keys(ALL)) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, name], { stdio: "inherit" });
    failed ||= child.status !== 0;
  }
  if (failed) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
