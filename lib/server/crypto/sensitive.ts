import "server-only";
import crypto from "node:crypto";
import { keyRing } from "./keys";

/** What a sensitive value is; bound into the ciphertext (AAD) and the blind index, so neither can be moved to another field. */
export type SensitivePurpose = "account-no" | "resident-id";
export const SENSITIVE_PURPOSES: readonly SensitivePurpose[] = ["account-no", "resident-id"];

const SEALED_FORMAT = /^v1\.([A-Za-z0-9_-]{1,16})\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Whether a stored string is a sealed value, and under which key id. */
export function sealedKeyId(value: string): string | null {
  return SEALED_FORMAT.exec(value)?.[1] ?? null;
}

/** AES-256-GCM: `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url). */
export function encryptSensitive(purpose: SensitivePurpose, plaintext: string): string {
  const { activeId, keys } = keyRing();
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", keys.get(activeId)!, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1.${activeId}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export function decryptSensitive(purpose: SensitivePurpose, sealed: string): string {
  const [version, keyId, ivText, bodyText] = sealed.split(".");
  const key = keyId ? keyRing().keys.get(keyId) : undefined;
  if (version !== "v1" || !key || !ivText || !bodyText) throw new Error("unreadable sealed value (unknown format or key id)");
  const body = Buffer.from(bodyText, "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(ivText, "base64url"));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
}

/**
 * The same plaintext sealed afresh under the active key. The purpose is the one the ciphertext
 * authenticates under (GCM refuses the others), so a value is re-sealed for the field it was made for.
 */
export function resealSensitive(sealed: string): string {
  for (const purpose of SENSITIVE_PURPOSES) {
    let plaintext: string;
    try {
      plaintext = decryptSensitive(purpose, sealed);
    } catch {
      continue;
    }
    return encryptSensitive(purpose, plaintext);
  }
  throw new Error(`unreadable sealed value under key id ${sealedKeyId(sealed) ?? "?"} (key not configured, or the value is damaged)`);
}

/** Keyed blind index (HMAC-SHA256) of the normalised value: exact search and duplicates without plaintext. */
export function blindIndex(purpose: SensitivePurpose, normalized: string): string {
  return crypto.createHmac("sha256", keyRing().blindIndexKey).update(`${purpose}:${normalized}`).digest("hex");
}

export function lastFour(normalized: string) {
  return normalized.slice(-4);
}

export function maskedLastFour(last4: string) {
  return `•••• ${last4}`;
}
