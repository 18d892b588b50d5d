import "server-only";
import { summarizeAuditValues } from "@/lib/domain/audit/summary";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { PAGE_SIZE } from "@/lib/server/pagination";
import { auditWhere, ZAuditQuery } from "./audit-query";

/** The trail, newest first, filtered; keyset pagination on the sequence number. */
export async function listAuditEvents(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "audit:read");
  const query = ZAuditQuery.parse(rawQuery ?? {});
  const where = auditWhere(query);
  const db = await prisma();
  const rows = await db.auditEvent.findMany({
    where: { AND: [where, query.before ? { seq: { lt: BigInt(query.before) } } : {}] },
    orderBy: { seq: "desc" },
    take: PAGE_SIZE + 1,
    select: { seq: true, at: true, actorName: true, action: true, entity: true, entityId: true, ip: true, after: true },
  });
  const page = rows.slice(0, PAGE_SIZE);
  return {
    events: page.map(({ after, ...e }) => ({ ...e, seq: e.seq.toString(), summary: summarizeAuditValues(after) })),
    total: await db.auditEvent.count({ where }),
    nextBefore: rows.length > PAGE_SIZE ? page.at(-1)?.seq.toString() : undefined,
    query,
  };
}
