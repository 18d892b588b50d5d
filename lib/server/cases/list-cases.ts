import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { CASE_KINDS, CASE_STATUSES } from "@/lib/domain/cases/schemas";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "@/lib/server/pagination";

export { CASE_KINDS, CASE_STATUSES } from "@/lib/domain/cases/schemas";

export const ZCaseQuery = z.object({
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  kind: z.enum(CASE_KINDS).optional().catch(undefined),
  /** "1": only cases assigned to the signed-in auditor. */
  mine: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(64).optional().catch(undefined).transform((v) => v || undefined),
  after: z.string().max(200).optional().catch(undefined),
});

/** Cases for auditors, newest first, with the merchant and change request they concern. */
export async function listCases(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "case:triage");
  const query = ZCaseQuery.parse(rawQuery ?? {});
  const cursor = decodeCursor(query.after);
  const where: Prisma.CaseWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.mine ? { assigneeId: actor.id } : {}),
    // A reference typed from a slip or a call: the whole thing or its distinctive tail.
    ...(query.q ? { reference: { contains: query.q.toUpperCase() } } : {}),
  };
  const db = await prisma();
  const rows = await db.case.findMany({
    where: { AND: [where, cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    include: { merchant: { select: { legalName: true, merchantNo: true } } },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const requests = await db.changeRequest.findMany({ where: { id: { in: page.map((c) => c.changeRequestId).filter((x): x is string => !!x) } }, select: { id: true, reference: true } });
  const creators = await db.user.findMany({ where: { id: { in: page.flatMap((c) => [c.createdById, c.assigneeId]).filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const last = page.at(-1);
  return {
    cases: page.map((c) => ({
      ...c,
      changeRequestReference: requests.find((r) => r.id === c.changeRequestId)?.reference ?? null,
      createdBy: c.createdById ? (creators.find((u) => u.id === c.createdById)?.displayName ?? "") : null,
      assigneeName: c.assigneeId ? (creators.find((u) => u.id === c.assigneeId)?.displayName ?? "") : null,
    })),
    total: await db.case.count({ where }),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined,
    query,
  };
}
