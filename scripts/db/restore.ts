// `npm run db:restore -- <file> [--database <name>] [--force]`: checks the file against its
// manifest, restores it (PGlite: into DATA_DIR, the app stopped; PostgreSQL: into a new or empty
// database, or over DATABASE_URL's with --force), then verifies the audit chain and prints it.
// Exit 0 restored and verified, 1 refused or verification failed.
import { parseArgs } from "node:util";
import { BackupRefused } from "@/lib/server/backup/manifest";
import { restorePglite } from "@/lib/server/backup/pglite-backup";
import { restorePostgres } from "@/lib/server/backup/postgres-backup";
import { describeVerdict } from "@/lib/server/backup/verify-restored";
import { env } from "@/lib/server/env";

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: "string" }, force: { type: "boolean", default: false } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new BackupRefused("usage: npm run db:restore -- <backup file> [--database <name>] [--force]");
  const e = env();
  if (e.DATABASE_URL) {
    const { database, verdict, manifest } = await restorePostgres(file, e.DATABASE_URL, { database: values.database, force: values.force });
    console.log(`restored ${file} (taken ${manifest.createdAt}) into database "${database}"`);
    for (const line of describeVerdict(verdict)) (verdict.ok ? console.log : console.error)(line);
    if (!verdict.ok) process.exitCode = 1;
    else if (values.database) console.log(`point DATABASE_URL at "${database}" to use it`);
    return;
  }
  if (values.database) throw new BackupRefused("--database applies to PostgreSQL only; the embedded database restores into DATA_DIR.");
  const { verdict, keptAside, manifest } = await restorePglite(file, e.pgliteDir);
  console.log(`restored ${file} (taken ${manifest.createdAt}) into ${e.pgliteDir}`);
  if (keptAside) console.log(`the data directory it replaced is kept at ${keptAside} (delete it when satisfied)`);
  for (const line of describeVerdict(verdict)) console.log(line);
}

main().catch((err) => {
  console.error(err instanceof BackupRefused ? `refused: ${err.message}` : err instanceof Error ? err.message : err);
  process.exit(1);
});
