import "server-only";
import crypto from "node:crypto";

/** A change request's reference as people quote it: day and random part, e.g. CR-20261125-1A2B3C4D. */
export function newChangeReference(now: Date) {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `CR-${day}-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
}
