import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "@/lib/server/pagination";

export const ZMyItemsQuery = z.object({
  campaign: z.string().max(64).optional().catch(undefined).transform((v) => v || undefined),
  after: z.string().max(200).optional().catch(undefined),
});

// The cursor's id is "<campaignId>/<drawOrder>": items are read campaign by campaign (oldest first),
// each in draw order, so an auditor works a campaign through before the next one.
const positionOf = (campaignId: string, drawOrder: number) => `${campaignId}/${drawOrder}`;
function parsePosition(id: string) {
  const slash = id.lastIndexOf("/");
  const drawOrder = Number(id.slice(slash + 1));
  return slash > 0 && Number.isInteger(drawOrder) ? { campaignId: id.slice(0, slash), drawOrder } : undefined;
}

/** The signed-in auditor's pending items in open campaigns, a page at a time: their work queue. */
export async function listMyItems({ actor, query: rawQuery }: { actor: Actor | null; query?: unknown }) {
  authorize(actor, "spotcheck:perform");
  const query = ZMyItemsQuery.parse(rawQuery ?? {});
  const cursor = decodeCursor(query.after);
  const position = cursor && parsePosition(cursor.id);
  const where: Prisma.SpotCheckItemWhereInput = {
    assigneeId: actor.id,
    status: "PENDING",
    campaign: { status: "OPEN" },
    ...(query.campaign ? { campaignId: query.campaign } : {}),
  };
  const after: Prisma.SpotCheckItemWhereInput =
    cursor && position
      ? {
          OR: [
            { campaign: { createdAt: { gt: cursor.at } } },
            { campaign: { createdAt: cursor.at }, campaignId: { gt: position.campaignId } },
            { campaign: { createdAt: cursor.at }, campaignId: position.campaignId, drawOrder: { gt: position.drawOrder } },
          ],
        }
      : {};
  const db = await prisma();
  const rows = await db.spotCheckItem.findMany({
    where: { AND: [where, after] },
    orderBy: [{ campaign: { createdAt: "asc" } }, { campaignId: "asc" }, { drawOrder: "asc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, version: true, merchantId: true, merchantVersion: true, mcc: true, stale: true, drawOrder: true, campaign: { select: { id: true, reference: true, name: true, periodEnd: true, createdAt: true } } },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const merchants = await db.merchant.findMany({ where: { id: { in: page.map((i) => i.merchantId) } }, select: { id: true, merchantNo: true, legalName: true, version: true } });
  const byId = new Map(merchants.map((m) => [m.id, m]));
  // The campaigns the auditor has pending work in, for the filter (not only those on this page).
  const campaigns = await db.spotCheckCampaign.findMany({
    where: { status: "OPEN", items: { some: { assigneeId: actor.id, status: "PENDING" } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, reference: true, name: true },
  });
  const last = page.at(-1);
  return {
    items: page.map((i) => {
      const m = byId.get(i.merchantId);
      return { ...i, merchantNo: m?.merchantNo ?? null, legalName: m?.legalName ?? null, stale: i.stale || m?.version !== i.merchantVersion };
    }),
    total: await db.spotCheckItem.count({ where }),
    campaigns,
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.campaign.createdAt, id: positionOf(last.campaign.id, last.drawOrder) }) : undefined,
    query,
  };
}
