import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type BackupEngine = "pglite" | "postgres";

/** Written beside every backup file, last: a backup without its manifest is incomplete. */
export type BackupManifest = {
  format: "payeeguard-backup/1";
  engine: BackupEngine;
  file: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  serverVersion: string;
  migrationHead: string | null;
  audit: { seq: string; hash: string };
};

/** Refused before anything is touched; the message says why and what to do. */
export class BackupRefused extends Error {}

export const manifestPathFor = (backupFile: string) => `${backupFile}.manifest.json`;

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash("sha256");
    fs.createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

function fsyncPath(p: string) {
  const fd = fs.openSync(p, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A file that appears whole or not at all: written beside, flushed, renamed into place. */
export function moveIntoPlace(partial: string, final: string) {
  fsyncPath(partial);
  fs.renameSync(partial, final);
  fsyncPath(path.dirname(final));
}

export function writeFileAtomic(final: string, data: string | Uint8Array) {
  const partial = `${final}.partial-${process.pid}`;
  fs.writeFileSync(partial, data, { mode: 0o600 });
  moveIntoPlace(partial, final);
}

export function backupFileName(engine: BackupEngine, at: Date) {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `payeeguard-${engine}-${stamp}.${engine === "pglite" ? "tar.gz" : "pgdump"}`;
}

export async function writeManifest(backupFile: string, fields: Omit<BackupManifest, "format" | "file" | "bytes" | "sha256">) {
  const manifest: BackupManifest = {
    format: "payeeguard-backup/1",
    file: path.basename(backupFile),
    bytes: fs.statSync(backupFile).size,
    sha256: await sha256File(backupFile),
    ...fields,
  };
  writeFileAtomic(manifestPathFor(backupFile), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * The backup named on the command line (the file or its manifest), checked against its manifest
 * before anything is restored: a file cut short, corrupted or altered is refused.
 */
export async function readVerifiedBackup(arg: string, engine: BackupEngine): Promise<{ file: string; manifest: BackupManifest }> {
  const file = path.resolve(arg.endsWith(".manifest.json") ? arg.slice(0, -".manifest.json".length) : arg);
  if (!fs.existsSync(file)) throw new BackupRefused(`No backup file at ${file}.`);
  const manifestPath = manifestPathFor(file);
  if (!fs.existsSync(manifestPath)) {
    throw new BackupRefused(`${path.basename(file)} has no manifest (${path.basename(manifestPath)}): the backup is incomplete or not a PayeeGuard backup. Nothing was restored.`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as BackupManifest;
  } catch {
    throw new BackupRefused(`The manifest ${manifestPath} is not valid JSON: the backup is damaged. Nothing was restored.`);
  }
  if (manifest.format !== "payeeguard-backup/1") throw new BackupRefused(`${manifestPath} is not a PayeeGuard backup manifest. Nothing was restored.`);
  if (manifest.engine !== engine) {
    throw new BackupRefused(`This is a ${manifest.engine} backup; the configured database is ${engine}. Restore it with the matching configuration (DATABASE_URL set for postgres, unset for pglite). Nothing was restored.`);
  }
  const bytes = fs.statSync(file).size;
  const sha256 = await sha256File(file);
  if (bytes !== manifest.bytes || sha256 !== manifest.sha256) {
    throw new BackupRefused(
      `${path.basename(file)} does not match its manifest (sha256 ${sha256.slice(0, 16)}…, ${bytes} bytes; expected ${manifest.sha256.slice(0, 16)}…, ${manifest.bytes} bytes): ` +
        `it is corrupted or was altered. Nothing was restored.`,
    );
  }
  return { file, manifest };
}
