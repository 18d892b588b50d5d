import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { saveApplicationDraft } from "@/lib/server/applications/save-application-draft";
import { verifyAndCheckpoint } from "@/lib/server/audit/checkpoint";
import { installDatabaseForTests, type Database } from "@/lib/server/db";
import { openPglite, openPostgres } from "@/lib/server/db/engine";
import { applyPendingMigrations } from "@/lib/server/db/migrations";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows } from "@/test/integration/applications";
import { freshDatabase } from "@/test/integration/fresh-database";
import { tableFingerprints } from "@/test/integration/table-fingerprints";
import { approvedMerchant } from "@/test/integration/workflow";
import { BackupRefused } from "./manifest";
import { backupPglite, restorePglite } from "./pglite-backup";
import { findPgTool } from "./pg-tools";
import { backupPostgres, restorePostgres } from "./postgres-backup";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "payeeguard-backup-"));
const outDir = path.join(tmp, "backups");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Reference rows, two approved merchants, a draft, and a checkpoint outside the database. */
async function seed(db: Database) {
  installDatabaseForTests(db);
  await ensureReferenceRows();
  await approvedMerchant();
  await approvedMerchant();
  await saveApplicationDraft({ actor: await seedActor("CLERK"), input: { data: enterpriseApplication() }, requestMeta: meta() });
  expect((await verifyAndCheckpoint(db.prisma)).ok).toBe(true);
  return tableFingerprints(db.sql);
}

function tampered(file: string) {
  const copy = path.join(tmp, `tampered-${path.basename(file)}`);
  const bytes = fs.readFileSync(file);
  bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
  fs.writeFileSync(copy, bytes);
  fs.copyFileSync(`${file}.manifest.json`, `${copy}.manifest.json`);
  return copy;
}

describe.runIf(!process.env.DATABASE_URL)("backup and restore, embedded PGlite", () => {
  const dataDir = path.join(tmp, "pglite");

  it("backup → delete the data directory → restore gives identical data and a verified chain", async () => {
    const db = await openPglite(dataDir);
    await applyPendingMigrations(db.sql);
    const before = await seed(db);
    expect(before.Merchant!.rows).toBe(2);
    await db.close();

    const { file, manifest } = await backupPglite(dataDir, outDir);
    expect(manifest).toMatchObject({ engine: "pglite", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(BigInt(manifest.audit.seq)).toBeGreaterThan(0n);

    // Work after the backup, checkpointed: the restore must say those events are not in it.
    const later = await openPglite(dataDir);
    installDatabaseForTests(later);
    await approvedMerchant();
    expect((await verifyAndCheckpoint(later.prisma)).ok).toBe(true);
    await later.close();

    fs.rmSync(dataDir, { recursive: true });
    const { verdict, keptAside } = await restorePglite(file, dataDir);
    expect(keptAside).toBeNull();
    expect(verdict).toMatchObject({ ok: true, through: BigInt(manifest.audit.seq) });
    expect(verdict.ok && verdict.laterCheckpoint).toBeTruthy();

    const restored = await openPglite(dataDir);
    try {
      expect(await tableFingerprints(restored.sql)).toEqual(before);
      // The restore left a checkpoint at its head, so the routine check passes again.
      expect((await verifyAndCheckpoint(restored.prisma)).ok).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it("refuses a corrupted file, a missing manifest, and a data directory an app holds", async () => {
    const [file] = fs.readdirSync(outDir).filter((f) => f.endsWith(".tar.gz")).map((f) => path.join(outDir, f));
    await expect(restorePglite(tampered(file!), dataDir)).rejects.toThrow(/does not match its manifest.*Nothing was restored/);
    const bare = path.join(tmp, "bare.tar.gz");
    fs.copyFileSync(file!, bare);
    await expect(restorePglite(bare, dataDir)).rejects.toThrow(/has no manifest/);

    const app = await openPglite(dataDir); // holds the lock, as a running app does
    try {
      fs.writeFileSync(`${dataDir}.lock`, String(process.ppid)); // another live process
      await expect(restorePglite(file!, dataDir)).rejects.toThrow(BackupRefused);
      await expect(restorePglite(file!, dataDir)).rejects.toThrow(/already open in process/);
    } finally {
      fs.writeFileSync(`${dataDir}.lock`, String(process.pid));
      await app.close();
    }
  });
});

describe.runIf(!!process.env.DATABASE_URL)("backup and restore, PostgreSQL", () => {
  const serverUrl = process.env.DATABASE_URL!;
  const urlOf = (name: string) => {
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  let backup = "";
  let name = "";

  it("backup → drop the database → restore gives identical data and a verified chain", async () => {
    const source = await freshDatabase();
    name = source.name;
    const before = await seed(source);
    const { file, manifest } = await backupPostgres(urlOf(name), outDir);
    backup = file;
    expect(manifest).toMatchObject({ engine: "postgres", audit: { seq: expect.any(String) } });
    await source.close(); // drops the database

    const { verdict, database } = await restorePostgres(file, serverUrl, { database: name });
    expect(database).toBe(name);
    expect(verdict).toMatchObject({ ok: true, through: BigInt(manifest.audit.seq) });
    const restored = openPostgres(urlOf(name), 2);
    try {
      expect(await tableFingerprints(restored.sql)).toEqual(before);
    } finally {
      await restored.close();
    }
  });

  it("refuses a non-empty database without --force, replaces it with --force, and refuses a corrupted file", async () => {
    await expect(restorePostgres(backup, urlOf(name))).rejects.toThrow(/pass --force/);
    await expect(restorePostgres(backup, serverUrl, { database: name })).rejects.toThrow(/is not empty/);
    await expect(restorePostgres(tampered(backup), serverUrl, { database: `${name}_x` })).rejects.toThrow(/does not match its manifest/);
    await expect(findPgTool("pg_restore", 99)).rejects.toThrow(/pg_restore 99 or newer is needed.*postgresql-client-99/);
    const { verdict } = await restorePostgres(backup, urlOf(name), { force: true });
    expect(verdict.ok).toBe(true);
    const admin = openPostgres(serverUrl, 1);
    try {
      await admin.sql.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.close();
    }
  });
});
