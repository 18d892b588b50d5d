import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prisma } from "@/lib/server/db";

export const ZMccListQuery = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  risk: z.enum(["0", "1", "2"]).optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
  after: z.string().regex(/^\d{4}$/).optional().catch(undefined),
  before: z.string().regex(/^\d{4}$/).optional().catch(undefined),
});
export type TMccListQuery = z.infer<typeof ZMccListQuery>;

export const MCC_PAGE_SIZE = 25;

/** Keyset pagination by code, as the users list: stable under edits, no OFFSET scans. */
export async function listMcc(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "reference:manage");
  const query = ZMccListQuery.parse(rawQuery ?? {});
  const where: Prisma.MccWhereInput = {
    ...(query.q
      ? { OR: [{ code: { startsWith: query.q } }, { nameZh: { contains: query.q } }, { nameEn: { contains: query.q, mode: "insensitive" } }] }
      : {}),
    ...(query.risk ? { riskLevel: Number(query.risk) } : {}),
    ...(query.status ? { active: query.status === "active" } : {}),
  };
  const db = await prisma();
  const backwards = !!query.before && !query.after;
  const cursor = query.after ?? query.before;
  const rows = await db.mcc.findMany({
    where: { AND: [where, cursor ? { code: backwards ? { lt: cursor } : { gt: cursor } } : {}] },
    orderBy: { code: backwards ? "desc" : "asc" },
    take: MCC_PAGE_SIZE + 1,
  });
  const hasMore = rows.length > MCC_PAGE_SIZE;
  const page = rows.slice(0, MCC_PAGE_SIZE);
  if (backwards) page.reverse();
  const total = await db.mcc.count({ where });
  return {
    mccs: page,
    total,
    nextCursor: (backwards ? !!cursor : hasMore) ? page.at(-1)?.code : undefined,
    prevCursor: (backwards ? hasMore : !!query.after) ? page[0]?.code : undefined,
    query,
  };
}
