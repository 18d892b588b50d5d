import crypto from "node:crypto";
import type { SensitivePurpose } from "./sensitive";

/**
 * Keyed blind index (HMAC-SHA256) of the normalised value under a given key. Free of "server-only"
 * and of the key ring so a worker thread can compute it with the key it was handed (decision 044).
 */
export function blindIndexWith(key: Uint8Array, purpose: SensitivePurpose, normalized: string): string {
  return crypto.createHmac("sha256", key).update(`${purpose}:${normalized}`).digest("hex");
}
