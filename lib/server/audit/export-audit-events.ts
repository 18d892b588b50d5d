import "server-only";
import Papa from "papaparse";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import type { RequestMeta } from "@/lib/server/request-meta";
import { auditWhere, ZAuditQuery } from "./audit-query";
import { recordAuditEvent } from "./record-audit-event";

/** Enough for any investigation's time range; a larger pull is a database task, not a download. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/**
 * The filtered trail as CSV (UTF-8 with BOM, so Excel reads Chinese), newest first. The export is
 * itself an audited act: who pulled which slice of the trail.
 */
export async function exportAuditEvents({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "audit:read");
  authorize(actor, "record:export");
  const query = ZAuditQuery.parse(input ?? {});
  const { before: _page, ...filters } = query;
  const db = await prisma();
  const rows = await db.auditEvent.findMany({ where: auditWhere(filters), orderBy: { seq: "desc" }, take: AUDIT_EXPORT_MAX_ROWS });
  // Typed text (reasons, names) must not run as a spreadsheet formula when the file is opened.
  const csv = Papa.unparse({
    fields: ["seq", "at", "actor", "action", "entity", "entityId", "ip", "before", "after", "hash"],
    data: rows.map((r) => [r.seq.toString(), r.at.toISOString(), r.actorName ?? "", r.action, r.entity, r.entityId ?? "", r.ip ?? "", r.before === null ? "" : JSON.stringify(r.before), r.after === null ? "" : JSON.stringify(r.after), r.hash]),
  }, { escapeFormulae: true });
  const kept = Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"));
  await db.$transaction((tx) => recordAuditEvent(tx, { action: "audit.exported", entity: "audit", entityId: "trail", after: { rows: rows.length, filters: kept } }, actor, requestMeta));
  return { csv: `\uFEFF${csv}`, rows: rows.length, truncated: rows.length === AUDIT_EXPORT_MAX_ROWS };
}
