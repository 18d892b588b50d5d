import "server-only";
import { env } from "@/lib/server/env";
import { openPglite, openPostgres, type Database } from "./engine";
import { applyPendingMigrations } from "./migrations";

// One database per process, kept on globalThis so dev hot reload does not open PGlite twice.
const holder = globalThis as unknown as { __payeeguardDb?: Promise<Database> };

async function open(): Promise<Database> {
  const e = env();
  const db = e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : await openPglite(e.pgliteDir);
  await applyPendingMigrations(db.sql);
  return db;
}

/** Opened lazily: `next build` imports route modules and must not open the database. */
export function database(): Promise<Database> {
  holder.__payeeguardDb ??= open().catch((err) => {
    holder.__payeeguardDb = undefined;
    throw err;
  });
  return holder.__payeeguardDb;
}

export async function prisma() {
  return (await database()).prisma;
}

/** Integration tests run each file against a fresh database. */
export function installDatabaseForTests(db: Database) {
  holder.__payeeguardDb = Promise.resolve(db);
}

export type { Database };
