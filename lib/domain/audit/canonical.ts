/**
 * Canonical text of an audit row for hashing: keys sorted at every depth, timestamps as UTC epoch
 * milliseconds, no insignificant whitespace. Two engines or two Node versions must produce the same
 * bytes for the same row, or verification would report tampering that did not happen.
 */
export type AuditHashInput = {
  seq: bigint | number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
};

function canonicalValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return String(value.getTime());
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map(canonicalValue).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalValue(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function canonicalAuditRow(row: AuditHashInput): string {
  return canonicalValue({
    seq: BigInt(row.seq),
    at: row.at,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    ip: row.ip,
    userAgent: row.userAgent,
    before: row.before ?? null,
    after: row.after ?? null,
  });
}

export const GENESIS_HASH = "0".repeat(64);
