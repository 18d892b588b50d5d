import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { acquirePgliteLock } from "./pglite-lock";
import type { QuerySettings, SqlRunner } from "./sql-runner";

// Under a burst, transactions queue for a pooled connection (PostgreSQL) or for the single one
// (PGlite); Prisma's 2 s default wait would fail them instead of letting them take their turn.
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 30_000 };

export type Database = {
  engine: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
};

/** `dir` undefined = in memory (tests). */
export async function openPglite(dir?: string): Promise<Database> {
  let release = () => {};
  if (dir) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    release = acquirePgliteLock(dir);
  }
  const pglite = new PGlite(dir);
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  return {
    engine: "pglite",
    prisma,
    sql: {
      query: async <T,>(text: string, params?: unknown[]) => (await pglite.query<T>(text, params as unknown[])).rows,
      queryWith: async <T,>(_settings: QuerySettings, text: string, params?: unknown[]) => (await pglite.query<T>(text, params as unknown[])).rows,
      exec: async (script) => {
        await pglite.exec(script);
      },
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  return {
    engine: "postgres",
    prisma,
    sql: {
      query: async <T,>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
      queryWith: async <T,>(settings: QuerySettings, text: string, params?: unknown[]) => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          for (const [name, value] of Object.entries(settings)) await client.query("SELECT set_config($1, $2, true)", [name, value]);
          const rows = (await client.query(text, params)).rows as T[];
          await client.query("COMMIT");
          client.release();
          return rows;
        } catch (err) {
          // Not handed back to the pool: the transaction may be half done.
          client.release(err as Error);
          throw err;
        }
      },
      copyFrom: async (statement, source, around) => {
        const client = await pool.connect();
        const run = async <T,>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[];
        try {
          if (around) {
            await client.query("BEGIN");
            await around.before?.(run);
          }
          const copy = client.query(copyFromStdin(statement));
          await pipeline(Readable.from(source, { objectMode: false }), copy);
          if (around) {
            await around.after?.(run, copy.rowCount ?? 0);
            await client.query("COMMIT");
          }
          client.release();
          return copy.rowCount ?? 0;
        } catch (err) {
          // A COPY broken off mid-stream leaves the connection in an unknown state: discard it (and
          // with it the transaction, rolled back).
          client.release(err as Error);
          throw err;
        }
      },
      // The simple-query protocol (no parameters) runs a whole script, `$$` bodies included.
      exec: async (script) => {
        const client = await pool.connect();
        try {
          await client.query(script);
        } catch (err) {
          // A failed script that opened a transaction leaves this connection aborted; clean it here.
          await client.query("ROLLBACK").catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      },
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
