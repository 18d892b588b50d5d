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

/** Every terminal's change instants as read at one moment, and the text they were read from. */
export type ChangeInstantsAsOf = { instants: Map<string, number[]>; text: string };

/**
 * Every terminal's change instants (changeInstantsSql) as epoch milliseconds, ascending: one JSON
 * text in terminal order, parsed at once (40,000 arrays read one by one cost 0.35 s and much garbage).
 * The same text read again means nothing changed between the two readings.
 */
export async function changeInstantsText(sql: SqlRunner, kinds: readonly ChangeKind[]): Promise<string> {
  const instants = changeInstantsSql(kinds);
  if (instants === null) return "{}";
  // One statement, no settings around it: it runs beside the app's own work, which then need not
  // come back between statements (as a transaction with SET LOCAL would need it to).
  const [row] = await sql.query<{ all: string | null }>(
    `WITH ${instants} SELECT json_object_agg("terminalId", array(SELECT (extract(epoch FROM x) * 1000)::float8 FROM unnest(at) x) ORDER BY "terminalId" COLLATE "C")::text AS all FROM instants`,
  );
  return row?.all ?? "{}";
}

export async function loadChangeInstants(sql: SqlRunner, kinds: readonly ChangeKind[]): Promise<ChangeInstantsAsOf> {
  const text = await changeInstantsText(sql, kinds);
  return { instants: new Map(Object.entries(JSON.parse(text) as Record<string, number[]>)), text };
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
