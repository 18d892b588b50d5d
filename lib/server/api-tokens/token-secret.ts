import "server-only";
import crypto from "node:crypto";
import { TOKEN_PATTERN } from "@/lib/domain/api-tokens/schemas";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomLookupId() {
  const bytes = crypto.randomBytes(12);
  return Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
}

export function hashSecret(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** 256 random bits of secret: a hash without salt or stretching is enough for a secret nobody chose. */
export function newApiToken() {
  const lookupId = randomLookupId();
  const token = `pg_live_${lookupId}_${crypto.randomBytes(32).toString("base64url")}`;
  return { token, lookupId, secretHash: hashSecret(token) };
}

export function parseApiToken(raw: string) {
  const match = TOKEN_PATTERN.exec(raw);
  return match ? { lookupId: match[1]!, token: raw } : null;
}

export function secretMatches(token: string, storedHash: string) {
  const given = Buffer.from(hashSecret(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}
