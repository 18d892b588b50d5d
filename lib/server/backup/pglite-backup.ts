import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { acquirePgliteLock } from "@/lib/server/db/pglite-lock";
import { databaseState } from "./database-state";
import { BackupRefused, backupFileName, readVerifiedBackup, writeFileAtomic, writeManifest, type BackupManifest } from "./manifest";
import { verifyRestored, type RestoreVerdict } from "./verify-restored";

const query = (pglite: PGlite) => ({ query: async <T,>(text: string) => (await pglite.query<T>(text)).rows });

function lockOrRefuse(dataDir: string) {
  try {
    return acquirePgliteLock(dataDir);
  } catch (err) {
    throw new BackupRefused((err as Error).message);
  }
}

/**
 * The embedded database's whole data directory as a gzipped tarball (PGlite's `dumpDataDir`).
 * It needs the directory to itself, like the app: stop the app first (the lock file says so).
 */
export async function backupPglite(dataDir: string, outDir: string, now = new Date()): Promise<{ file: string; manifest: BackupManifest }> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new BackupRefused(`No embedded database at ${dataDir} (set DATA_DIR).`);
  const release = lockOrRefuse(dataDir);
  try {
    const pglite = new PGlite(dataDir);
    await pglite.waitReady;
    try {
      const state = await databaseState(query(pglite));
      const tarball = await pglite.dumpDataDir("gzip");
      fs.mkdirSync(outDir, { recursive: true });
      const file = path.resolve(outDir, backupFileName("pglite", now));
      writeFileAtomic(file, new Uint8Array(await tarball.arrayBuffer()));
      const manifest = await writeManifest(file, { engine: "pglite", createdAt: now.toISOString(), ...state });
      return { file, manifest };
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

/**
 * Unpacks the backup into a directory beside the data directory, checks it there (state as the
 * manifest says, chain intact), and only then swaps it into place; a data directory already there
 * is kept aside as `<dir>.before-restore-<time>`. Refused while an app holds the directory.
 */
export async function restorePglite(backupArg: string, dataDir: string, now = new Date()): Promise<{ manifest: BackupManifest; verdict: RestoreVerdict; keptAside: string | null }> {
  const { file, manifest } = await readVerifiedBackup(backupArg, "pglite");
  const release = lockOrRefuse(dataDir);
  try {
    const stamp = now.toISOString().replace(/[-:.]/g, "");
    const staging = `${dataDir}.restoring-${stamp}`;
    fs.rmSync(staging, { recursive: true, force: true });
    const pglite = new PGlite(staging, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    let verdict: RestoreVerdict;
    try {
      await pglite.waitReady;
      const state = await databaseState(query(pglite));
      if (state.audit.seq !== manifest.audit.seq || state.migrationHead !== manifest.migrationHead) {
        throw new BackupRefused(`The unpacked database (audit head ${state.audit.seq}, migration ${state.migrationHead}) is not what the manifest recorded. Nothing was restored.`);
      }
      const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
      try {
        verdict = await verifyRestored(prisma, manifest, path.basename(file));
      } finally {
        await prisma.$disconnect();
      }
    } catch (err) {
      await pglite.close().catch(() => {});
      fs.rmSync(staging, { recursive: true, force: true });
      throw err;
    }
    await pglite.close();
    if (!verdict.ok) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new BackupRefused(`${verdict.reason}. Nothing was restored.`);
    }
    let keptAside: string | null = null;
    if (fs.existsSync(dataDir)) {
      keptAside = `${dataDir}.before-restore-${stamp}`;
      fs.renameSync(dataDir, keptAside);
    }
    fs.renameSync(staging, dataDir);
    return { manifest, verdict, keptAside };
  } finally {
    release();
  }
}
