import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/server/env";

/**
 * A run's uploaded file is kept under DATA_DIR only until its findings are written: staging can be
 * redone after a crash of the app or of the database (staged rows are unlogged, decision 043), and
 * full settlement account numbers do not stay on disk (decision 019).
 */
export function runFilePath(runId: string): string {
  const dir = path.join(env().dataDir, "reconciliation");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, `${runId.replace(/[^A-Za-z0-9_-]/g, "")}.csv`);
}

export function removeRunFile(runId: string) {
  fs.rmSync(runFilePath(runId), { force: true });
}

export function runFileExists(runId: string) {
  return fs.existsSync(runFilePath(runId));
}
