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
import { expectImportAllOrNothing, goodImportFile, retryImport, uploadImport, type ImportRun } from "./imports";
import { submitApplications } from "./submissions";

// Issue 8 suite 4 on the embedded database: kill -9 the app (the only process that holds the
// PGlite directory) under a load of submissions and an import; what it acknowledged is there after
// restart, the import is all-or-nothing and a retry of the same file commits it once.
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
  it("kill -9 of the app under submissions and an import: acknowledged submissions survive exactly once, the import is all-or-nothing, the chain verifies, the app restarts", async () => {
    const cookie = await withDatabase(async (db) => {
      await seedReferenceData(db.prisma);
      await seedDemoUsers(db.prisma);
      return sessionCookie("clerk");
    });

    let app = await startApp(3915, embedded);
    const file = goodImportFile(200);
    let importing: Promise<ImportRun> | undefined;
    let importEnded = false;
    let killed: Promise<void> | undefined;
    // The single connection serves the import's transaction; submissions queue behind it until the kill.
    const run = await submitApplications(app.base, cookie, 2_000, 8, (r) => {
      if (!importing && r.acknowledged.length >= 60) {
        importing = uploadImport(app.base, cookie, file, (p) => {
          if (!killed && p.read >= 40) killed = app.kill9();
        }).finally(() => (importEnded = true));
      }
      return importEnded || (!!killed && (r.statuses.error ?? 0) > 0);
    });
    const imported = await importing!;
    expect(killed, `killed during the import (import run: ${JSON.stringify({ ...imported, progress: imported.progress.at(-1) })})`).toBeDefined();
    expect(imported.outcome, "the import was still running when the app was killed").toBeNull();
    expect(run.acknowledged.length).toBeGreaterThanOrEqual(60);
    await killed; // the directory is free once the process is gone

    // The killed process's lock is stale: a new one opens the directory and finds every acknowledged entry.
    const importState = await withDatabase(async (db) => {
      expect(await db.prisma.changeRequest.count({ where: { id: { in: run.acknowledged } } })).toBe(run.acknowledged.length);
      expect(await db.prisma.auditEvent.count({ where: { action: "change.submitted" } })).toBe(await db.prisma.changeRequest.count());
      const verdict = await verifyAuditChain(db.prisma);
      expect(verdict.intact, JSON.stringify(verdict, (_, v) => (typeof v === "bigint" ? v.toString() : v))).toBe(true);
      return expectImportAllOrNothing(db.prisma, file);
    });

    app = await startApp(3915, embedded);
    await retryImport(app.base, cookie, file, importState);
    const after = await submitApplications(app.base, cookie, 10, 2);
    await app.stop();
    expect(after.statuses).toEqual({ "201": 10 });
    await withDatabase(async (db) => {
      expect(await expectImportAllOrNothing(db.prisma, file)).toBe("all");
      const verdict = await verifyAuditChain(db.prisma);
      expect(verdict.intact, JSON.stringify(verdict, (_, v) => (typeof v === "bigint" ? v.toString() : v))).toBe(true);
    });
  });
});
