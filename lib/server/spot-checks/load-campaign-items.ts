import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UseCaseError } from "@/lib/server/errors";

/**
 * A campaign with its items in draw order; an item counts as stale when flagged or when its
 * merchant is no longer at the version drawn (a change approved after the draw).
 */
export async function loadCampaignItems(db: Pick<Prisma.TransactionClient, "spotCheckCampaign" | "spotCheckItem" | "merchant" | "user">, campaignId: string) {
  const campaign = await db.spotCheckCampaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw new UseCaseError("NOT_FOUND");
  const items = await db.spotCheckItem.findMany({ where: { campaignId }, orderBy: { drawOrder: "asc" } });
  const merchants = await db.merchant.findMany({ where: { id: { in: items.map((i) => i.merchantId) } }, select: { id: true, version: true, merchantNo: true, legalName: true } });
  const merchantById = new Map(merchants.map((m) => [m.id, m]));
  const people = new Set<string>();
  for (const i of items) [i.makerId, i.verifierId, ...i.approverIds, i.assigneeId, i.checkedById].forEach((id) => id && people.add(id));
  const users = await db.user.findMany({ where: { id: { in: [...people] } }, select: { id: true, username: true, displayName: true } });
  const userById = new Map(users.map((u) => [u.id, u]));
  return {
    campaign,
    items: items.map((item) => {
      const merchant = merchantById.get(item.merchantId);
      return { ...item, merchant, stale: item.stale || merchant?.version !== item.merchantVersion };
    }),
    userById,
  };
}
