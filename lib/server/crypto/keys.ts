import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";

export type KeyRing = { activeId: string; keys: Map<string, Buffer>; blindIndexKey: Buffer };

function parseKeys(spec: string) {
  return new Map(
    spec.split(",").map((entry) => {
      const [id, b64] = entry.split(":") as [string, string];
      const key = Buffer.from(b64, "base64");
      if (key.length !== 32) throw new Error(`DATA_ENCRYPTION_KEYS: key ${id} is not 32 bytes`);
      return [id, key] as const;
    }),
  );
}

/** The embedded demo keeps generated keys beside its data; a server deployment must bring its own. */
function demoKeyFile(dataDir: string) {
  const file = path.join(dataDir, "demo-keys.json");
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const generated = { encryption: `demo1:${crypto.randomBytes(32).toString("base64")}`, blindIndex: crypto.randomBytes(32).toString("base64") };
    fs.writeFileSync(/*turbopackIgnore: true*/ file, JSON.stringify(generated), { mode: 0o600, flag: "wx" });
  }
  logger.warn({ file }, "using demo encryption keys generated beside the embedded database; set DATA_ENCRYPTION_KEYS and BLIND_INDEX_KEY for real data");
  return JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as { encryption: string; blindIndex: string };
}

let ring: KeyRing | undefined;

export function keyRing(): KeyRing {
  if (ring) return ring;
  const e = env();
  let encryption = e.DATA_ENCRYPTION_KEYS;
  let blindIndex = e.BLIND_INDEX_KEY;
  if (!encryption || !blindIndex) {
    if (!e.embedded) {
      throw new Error("DATA_ENCRYPTION_KEYS and BLIND_INDEX_KEY must be set when DATABASE_URL is set (see README, Operations).");
    }
    const demo = demoKeyFile(path.dirname(e.pgliteDir));
    encryption ??= demo.encryption;
    blindIndex ??= demo.blindIndex;
  }
  const keys = parseKeys(encryption);
  const activeId = e.DATA_ENCRYPTION_ACTIVE_KEY ?? [...keys.keys()].at(-1)!;
  if (!keys.has(activeId)) throw new Error(`DATA_ENCRYPTION_ACTIVE_KEY ${activeId} is not among DATA_ENCRYPTION_KEYS`);
  ring = { activeId, keys, blindIndexKey: Buffer.from(blindIndex, "base64") };
  return ring;
}

export function resetKeyRingForTests() {
  ring = undefined;
}
