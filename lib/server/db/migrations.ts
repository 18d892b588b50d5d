import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./sql-runner";

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");
const LOCK_KEY = 727_073_690;

export type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

// The same bookkeeping table `prisma migrate deploy` uses, so either tool can take over.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

async function appliedNames(sql: SqlRunner) {
  await sql.exec(BOOKKEEPING);
  const rows = await sql.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(rows.map((r) => [r.migration_name, r.checksum]));
}

export async function pendingMigrations(sql: SqlRunner, dir = MIGRATIONS_DIR) {
  const applied = await appliedNames(sql);
  const files = readMigrations(dir);
  for (const f of files) {
    const checksum = applied.get(f.name);
    if (checksum && checksum !== f.checksum) {
      throw new Error(`Migration ${f.name} was edited after it was applied; restore it and add a new migration instead.`);
    }
  }
  return files.filter((f) => !applied.has(f.name));
}

function quote(s: string) {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Each migration runs as one script inside one transaction with its bookkeeping row, so a failing
 * migration leaves nothing behind. Instances starting together serialise on an advisory lock; the
 * loser's duplicate attempt fails, and it then finds the migration applied.
 */
export async function applyPendingMigrations(sql: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> {
  const done: string[] = [];
  for (const m of await pendingMigrations(sql, dir)) {
    const script = [
      "BEGIN;",
      `SELECT pg_advisory_xact_lock(${LOCK_KEY});`,
      m.sql,
      `;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (${quote(crypto.randomUUID())}, ${quote(m.checksum)}, now(), ${quote(m.name)}, 1);`,
      "COMMIT;",
    ].join("\n");
    try {
      await sql.exec(script);
      done.push(m.name);
    } catch (err) {
      await sql.exec("ROLLBACK").catch(() => {});
      const nowApplied = await appliedNames(sql);
      if (!nowApplied.has(m.name)) throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
    }
  }
  return done;
}
