import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { installDatabaseForTests, type Database } from "@/lib/server/db";
import { freshDatabase } from "./fresh-database";

// Each test file gets its own database and checkpoint folder, so files never see each other's data.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "payeeguard-it-"));
process.env.AUDIT_CHECKPOINT_DIR = path.join(tmp, "checkpoints");
process.env.DATA_DIR = tmp;
// A server database needs keys from the environment; tests bring throwaway ones.
process.env.DATA_ENCRYPTION_KEYS ??= `t1:${crypto.randomBytes(32).toString("base64")}`;
process.env.BLIND_INDEX_KEY ??= crypto.randomBytes(32).toString("base64");

let db: Database | undefined;

beforeAll(async () => {
  db = await freshDatabase();
  installDatabaseForTests(db);
});

afterAll(async () => {
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
