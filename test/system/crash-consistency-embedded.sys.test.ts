import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { installDatabaseForTests } from "@/lib/server/db";
import { openPglite } from "@/lib/server/db/engine";
import { applyPendingMigrations } from "@/lib/server/db/migrations";
import { seedDemoUsers } from "@/lib/server/demo/seed-demo-users";
import { seedReferenceData } from "@/lib/server/reference/seed-reference-data";
import { startApp } from "./app-process";
import { sessionCookie } from "./server-database";
import { submitApplications } from "./submissions";

// Issue 8 suite 4 on the embedded database: kill -9 the app (the only process that holds the
// PGlite directory) under a load of submissions; what it acknowledged is there after restart.
const dataDir = process.env.DATA_DIR!;
const pgliteDir = path.join(dataDir, "pglite");
const embedded = { DATABASE_URL: undefined, DATA_DIR: dataDir, DATA_ENCRYPTION_KEYS: undefined, BLIND_INDEX_KEY: undefined };

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openPglite>>) => Promise<T>) {
  const db = await openPglite(pgliteDir);
  try {
    await applyPendingMigrations(db.sql);
    installDatabaseForTests(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

describe("crash consistency on the embedded database", () => {
  it("kill -9 of the app under load: acknowledged submissions survive exactly once, the chain verifies, the app restarts", async () => {
    const cookie = await withDatabase(async (db) => {
      await seedReferenceData(db.prisma);
      await seedDemoUsers(db.prisma);
      return sessionCookie("clerk");
    });

    let app = await startApp(3915, embedded);
    let killed = false;
    const run = await submitApplications(app.base, cookie, 2_000, 8, (r) => {
      if (!killed && r.acknowledged.length >= 60) {
        killed = true;
        void app.kill9();
      }
      return killed && (r.statuses.error ?? 0) > 0;
    });
    expect(killed).toBe(true);
    expect(run.acknowledged.length).toBeGreaterThanOrEqual(60);

    // The killed process's lock is stale: a new one opens the directory and finds every acknowledged entry.
    await withDatabase(async (db) => {
      expect(await db.prisma.changeRequest.count({ where: { id: { in: run.acknowledged } } })).toBe(run.acknowledged.length);
      expect(await db.prisma.auditEvent.count({ where: { action: "change.submitted" } })).toBe(await db.prisma.changeRequest.count());
      const verdict = await verifyAuditChain(db.prisma);
      expect(verdict.intact, JSON.stringify(verdict, (_, v) => (typeof v === "bigint" ? v.toString() : v))).toBe(true);
    });

    app = await startApp(3915, embedded);
    const after = await submitApplications(app.base, cookie, 10, 2);
    await app.stop();
    expect(after.statuses).toEqual({ "201": 10 });
  });
});
