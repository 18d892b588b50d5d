import "server-only";

/** Opaque keyset cursors over (timestamp, id): stable under inserts, no OFFSET scans. */
export type Keyset = { at: Date; id: string };

export function encodeCursor(k: Keyset) {
  return Buffer.from(JSON.stringify([k.at.toISOString(), k.id])).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Keyset | undefined {
  if (!raw || raw.length > 200) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    return Number.isFinite(date.getTime()) && typeof id === "string" ? { at: date, id } : undefined;
  } catch {
    return undefined;
  }
}

export const PAGE_SIZE = 20;
