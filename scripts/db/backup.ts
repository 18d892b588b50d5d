// `npm run db:backup [-- --out <dir>]`: the configured database (PGlite data directory or
// PostgreSQL via pg_dump) into one file plus its manifest. Keys and audit checkpoints are not in
// it: they are backed up separately (README, Operations, "Backup and restore").
import path from "node:path";
import { parseArgs } from "node:util";
import { backupPglite } from "@/lib/server/backup/pglite-backup";
import { backupPostgres } from "@/lib/server/backup/postgres-backup";
import { env } from "@/lib/server/env";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });
  const e = env();
  const outDir = path.resolve(values.out!);
  const { file, manifest } = e.DATABASE_URL ? await backupPostgres(e.DATABASE_URL, outDir) : await backupPglite(e.pgliteDir, outDir);
  console.log(`backup written: ${file} (${manifest.bytes} bytes, sha256 ${manifest.sha256})`);
  console.log(`manifest: ${file}.manifest.json — ${manifest.engine} ${manifest.serverVersion}, migration ${manifest.migrationHead}, audit head ${manifest.audit.seq}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
