import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "@/lib/server/pagination";

export const CASE_STATUSES = ["OPEN", "CLOSED"] as const;
export const ZCaseQuery = z.object({
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});

/** Cases for auditors, newest first, with the merchant and change request they concern. */
export async function listCases(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "case:triage");
  const query = ZCaseQuery.parse(rawQuery ?? {});
  const cursor = decodeCursor(query.after);
  const where: Prisma.CaseWhereInput = query.status ? { status: query.status } : {};
  const db = await prisma();
  const rows = await db.case.findMany({
    where: { AND: [where, cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    include: { merchant: { select: { legalName: true, merchantNo: true } } },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const requests = await db.changeRequest.findMany({ where: { id: { in: page.map((c) => c.changeRequestId).filter((x): x is string => !!x) } }, select: { id: true, reference: true } });
  const creators = await db.user.findMany({ where: { id: { in: page.map((c) => c.createdById).filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const last = page.at(-1);
  return {
    cases: page.map((c) => ({
      ...c,
      changeRequestReference: requests.find((r) => r.id === c.changeRequestId)?.reference ?? null,
      createdBy: c.createdById ? (creators.find((u) => u.id === c.createdById)?.displayName ?? "") : null,
    })),
    total: await db.case.count({ where }),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined,
    query,
  };
}
