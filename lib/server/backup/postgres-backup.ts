import "server-only";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openPostgres } from "@/lib/server/db/engine";
import { databaseState } from "./database-state";
import { BackupRefused, backupFileName, moveIntoPlace, readVerifiedBackup, writeManifest, type BackupManifest } from "./manifest";
import { findPgTool, libpqEnv, runPgTool } from "./pg-tools";
import { verifyRestored, type RestoreVerdict } from "./verify-restored";

async function serverMajor(client: pg.Client) {
  const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
  return Math.floor(Number(rows[0]!.server_version_num) / 10000);
}

/**
 * `pg_dump -Fc` of the database, from the very snapshot the manifest's audit head was read in
 * (an exported snapshot), so the manifest describes exactly what the file holds while the app
 * keeps writing.
 */
export async function backupPostgres(url: string, outDir: string, now = new Date()): Promise<{ file: string; manifest: BackupManifest }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pgDump = await findPgTool("pg_dump", await serverMajor(client));
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const [{ snapshot }] = (await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot")).rows as [{ snapshot: string }];
    const state = await databaseState({ query: async <T,>(text: string) => (await client.query(text)).rows as T[] });
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.resolve(outDir, backupFileName("postgres", now));
    const partial = `${file}.partial-${process.pid}`;
    try {
      await runPgTool(pgDump, ["--format=custom", `--snapshot=${snapshot}`, `--file=${partial}`], libpqEnv(url));
    } catch (err) {
      fs.rmSync(partial, { force: true });
      throw err;
    }
    await client.query("COMMIT");
    moveIntoPlace(partial, file);
    const manifest = await writeManifest(file, { engine: "postgres", createdAt: now.toISOString(), ...state });
    return { file, manifest };
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * `pg_restore` in one transaction into `target` (a database on DATABASE_URL's server). A database
 * that does not exist is created; one that holds tables is refused unless `force`, which first
 * empties its public schema — and even then not while other sessions (app instances) are connected.
 */
export async function restorePostgres(backupArg: string, serverUrl: string, options: { database?: string; force?: boolean } = {}): Promise<{ manifest: BackupManifest; verdict: RestoreVerdict; database: string }> {
  const { file, manifest } = await readVerifiedBackup(backupArg, "postgres");
  const database = options.database ?? decodeURIComponent(new URL(serverUrl).pathname.replace(/^\//, ""));
  if (!options.database && !options.force) {
    throw new BackupRefused(`Restoring over the configured database "${database}" replaces everything in it: pass --force to confirm, or --database <new name> to restore into a new, empty database. Nothing was restored.`);
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(database)) throw new BackupRefused(`"${database}" is not a database name this tool accepts (letters, digits, underscore).`);
  const targetUrl = withDatabase(serverUrl, database);

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])).rowCount;
    if (!exists) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }

  const target = new pg.Client({ connectionString: targetUrl });
  await target.connect();
  let pgRestore: string;
  try {
    pgRestore = await findPgTool("pg_restore", await serverMajor(target));
    const [{ n }] = (await target.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows as [{ n: number }];
    if (n > 0) {
      if (!options.force) throw new BackupRefused(`Database "${database}" is not empty (${n} tables). Name a new one with --database, or pass --force to replace its contents. Nothing was restored.`);
      const [{ others }] = (await target.query<{ others: number }>("SELECT count(*)::int AS others FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows as [{ others: number }];
      if (others > 0) throw new BackupRefused(`${others} other session(s) are connected to "${database}" (app instances?). Stop them first. Nothing was restored.`);
      await target.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
  } finally {
    await target.end();
  }

  await runPgTool(pgRestore, ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", `--dbname=${database}`, file], libpqEnv(targetUrl));
  const db = openPostgres(targetUrl, 2);
  try {
    return { manifest, verdict: await verifyRestored(db.prisma, manifest, path.basename(file)), database };
  } finally {
    await db.close();
  }
}
