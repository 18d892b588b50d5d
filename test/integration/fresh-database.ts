import crypto from "node:crypto";
import pg from "pg";
import { openPglite, openPostgres, type Database } from "@/lib/server/db/engine";
import { applyPendingMigrations } from "@/lib/server/db/migrations";

/** Refuses anything but a database on this machine: tests create and drop databases. */
export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

/** PGlite in memory by default; a new database on the server named by DATABASE_URL when set. */
export async function freshDatabase(): Promise<Database & { name: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite();
    await applyPendingMigrations(db.sql);
    return { ...db, name: "pglite-memory" };
  }
  assertLocalDatabase(url);
  const name = `pg_it_${crypto.randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const db = openPostgres(dbUrl.toString(), 20);
  await applyPendingMigrations(db.sql);
  return {
    ...db,
    name,
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // Pooled connections finish closing asynchronously; killing them mid-close (WITH (FORCE))
      // makes them raise 57P01 with nobody listening. Wait for them first; force only as a last resort.
      for (let attempt = 0; ; attempt++) {
        const [{ n }] = (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name])).rows as [{ n: number }];
        if (n === 0 || attempt >= 100) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
