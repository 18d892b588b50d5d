import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The test process and the app processes it starts share these: same keys, own folders per file.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "payeeguard-sys-"));
process.env.DATA_DIR = tmp;
process.env.AUDIT_CHECKPOINT_DIR = path.join(tmp, "checkpoints");
process.env.DATA_ENCRYPTION_KEYS ??= `s1:${crypto.randomBytes(32).toString("base64")}`;
process.env.BLIND_INDEX_KEY ??= crypto.randomBytes(32).toString("base64");
