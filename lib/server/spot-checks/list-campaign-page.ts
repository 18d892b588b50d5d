import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "@/lib/server/pagination";

export const CAMPAIGN_STATUSES = ["OPEN", "CLOSED"] as const;
export const ZCampaignQuery = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});

/** One page of campaigns, newest first, filtered by status and searched by name or reference, with done / total. */
export async function listCampaignPage(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "spotcheck:manage");
  const query = ZCampaignQuery.parse(rawQuery ?? {});
  const q = query.q || undefined;
  const cursor = decodeCursor(query.after);
  const where: Prisma.SpotCheckCampaignWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { reference: { contains: q.toUpperCase() } }] } : {}),
  };
  const db = await prisma();
  const rows = await db.spotCheckCampaign.findMany({
    where: { AND: [where, cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, reference: true, name: true, status: true, strategy: true, periodStart: true, periodEnd: true, populationSize: true, sampleSize: true, createdAt: true, createdById: true },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const ids = page.map((c) => c.id);
  const done = await db.spotCheckItem.groupBy({ by: ["campaignId"], where: { campaignId: { in: ids }, status: "DONE" }, _count: { _all: true } });
  const doneOf = new Map(done.map((d) => [d.campaignId, d._count._all]));
  const creators = await db.user.findMany({ where: { id: { in: page.map((c) => c.createdById) } }, select: { id: true, displayName: true } });
  const last = page.at(-1);
  return {
    campaigns: page.map((c) => ({ ...c, done: doneOf.get(c.id) ?? 0, createdBy: creators.find((u) => u.id === c.createdById)?.displayName ?? "" })),
    total: await db.spotCheckCampaign.count({ where }),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined,
    query,
  };
}
