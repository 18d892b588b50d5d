import "server-only";
import type { SqlRunner } from "@/lib/server/db/sql-runner";

/** What can change a row's verdict at an instant: a binding beginning or ending, an account, a version taking effect. */
export type ChangeKind = "binding" | "account" | "version";
export const CHANGE_KINDS: readonly ChangeKind[] = ["binding", "account", "version"];

/**
 * Every terminal's change instants, sorted (`instants`: "terminalId", at[]): its bindings' beginnings
 * and ends, and the changes of each merchant it was bound to while it was bound, of the given kinds.
 * As CTEs for a WITH; null when no kinds.
 */
export function changeInstantsSql(kinds: readonly ChangeKind[]): string | null {
  const bound = (at: string) => `${at} >= t."boundFrom" AND (t."boundTo" IS NULL OR ${at} <= t."boundTo")`;
  const instants: Record<ChangeKind, string[]> = {
    binding: [`SELECT t."terminalId", p.at FROM "TerminalBinding" t CROSS JOIN LATERAL (VALUES (t."boundFrom"), (t."boundTo")) p(at)`],
    account: [`SELECT t."terminalId", p.at FROM "TerminalBinding" t JOIN "ReceivingAccount" r ON r."merchantId" = t."merchantId"
                CROSS JOIN LATERAL (VALUES (r."effectiveFrom"), (r."effectiveTo")) p(at) WHERE ${bound("p.at")}`],
    version: [
      `SELECT t."terminalId", v."approvedAt" FROM "TerminalBinding" t JOIN "MerchantVersion" v ON v."merchantId" = t."merchantId" WHERE ${bound(`v."approvedAt"`)}`,
      `SELECT t."terminalId", m."inForceApprovedAt" FROM "TerminalBinding" t JOIN "Merchant" m ON m.id = t."merchantId" WHERE ${bound(`m."inForceApprovedAt"`)}`,
    ],
  };
  const union = kinds.flatMap((k) => instants[k]);
  if (union.length === 0) return null;
  return `changes ("terminalId", at) AS (${union.join("\n UNION ALL ")}
), instants AS (
  SELECT "terminalId", array_agg(DISTINCT at ORDER BY at) AS at FROM changes WHERE at IS NOT NULL GROUP BY "terminalId"
)`;
}

/**
 * What every change instant is made of (changeInstantsSql): each table's sum of its rows' hashes over
 * the columns the instants come from. A record added, ended, changed or removed changes it; read in
 * some 40 ms where the instants themselves take 0.3 s.
 */
const RECORDS_FINGERPRINT = [
  [`"TerminalBinding" t`, `ROW(t."terminalId", t."merchantId", t."boundFrom", t."boundTo")`],
  [`"ReceivingAccount" r`, `ROW(r."merchantId", r."effectiveFrom", r."effectiveTo")`],
  [`"MerchantVersion" v`, `ROW(v."merchantId", v."approvedAt")`],
  [`"Merchant" m`, `ROW(m.id, m."inForceApprovedAt")`],
]
  .map(([table, row]) => `(SELECT count(*) || ':' || coalesce(sum(hashtextextended(${row}::text, 0)::numeric), 0) FROM ${table})`)
  .join(` || ' ' || `);

/** Every terminal's change instants as read at one moment, and the fingerprint of the records they were read from. */
export type ChangeInstantsAsOf = { instants: Map<string, number[]>; fingerprint: string };

/**
 * The records' fingerprint now: the same as with instants read earlier means that nothing they were
 * made of has changed since.
 */
export async function recordsFingerprint(sql: SqlRunner): Promise<string> {
  const [row] = await sql.query<{ fingerprint: string }>(`SELECT ${RECORDS_FINGERPRINT} AS fingerprint`);
  return row!.fingerprint;
}

/**
 * Every terminal's change instants (changeInstantsSql) as epoch milliseconds, ascending, with the
 * records' fingerprint, in one statement (one snapshot): one JSON text, parsed at once (40,000 arrays
 * read one by one cost 0.35 s and much garbage). No settings around it (a transaction with SET LOCAL):
 * it runs beside the app's own work, which then need not come back between statements.
 */
export async function loadChangeInstants(sql: SqlRunner, kinds: readonly ChangeKind[]): Promise<ChangeInstantsAsOf> {
  const instants = changeInstantsSql(kinds);
  const all = instants === null
    ? `'{}'`
    : `(SELECT coalesce(json_object_agg("terminalId", array(SELECT (extract(epoch FROM x) * 1000)::float8 FROM unnest(at) x)), '{}')::text FROM instants)`;
  const [row] = await sql.query<{ all: string; fingerprint: string }>(`${instants === null ? "" : `WITH ${instants} `}SELECT ${all} AS all, ${RECORDS_FINGERPRINT} AS fingerprint`);
  return { instants: new Map(Object.entries(JSON.parse(row!.all) as Record<string, number[]>)), fingerprint: row!.fingerprint };
}

/** How many of a run's groups have a change instant of their terminal within their time: none, unless records changed since they were made. */
export async function groupsSpanningChanges(sql: SqlRunner, runId: string, kinds: readonly ChangeKind[]): Promise<number> {
  const instants = changeInstantsSql(kinds);
  if (instants === null) return 0;
  const [r] = await sql.queryWith<{ n: number }>(
    { jit: "off", work_mem: "128MB" },
    `WITH ${instants} SELECT count(*)::int AS n FROM "ReconciliationRowGroup" g JOIN instants i ON i."terminalId" = g."terminalId"
      WHERE g."runId" = $1 AND width_bucket(g."firstAt", i.at) <> width_bucket(g."lastAt", i.at)`,
    [runId],
  );
  return r!.n;
}
