import "server-only";
import { ZCampaignRefSchema } from "@/lib/domain/spot-checks/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { loadCampaignItems } from "./load-campaign-items";

/**
 * A campaign's items in draw order for its detail screen, with the people by name, and the
 * active auditors a manager may hand a pending item to (the use case still refuses a conflicted one).
 */
export async function getCampaignItems({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "spotcheck:manage");
  const { campaignId } = parseInput(ZCampaignRefSchema, input);
  const db = await prisma();
  const { items, userById } = await loadCampaignItems(db, campaignId);
  const auditors = await db.user.findMany({ where: { role: "AUDITOR", disabledAt: null }, orderBy: [{ displayName: "asc" }, { id: "asc" }], select: { id: true, displayName: true } });
  const nameOf = (id: string | null) => (id ? (userById.get(id)?.displayName ?? id) : null);
  return {
    auditors,
    items: items.map((i) => ({
      id: i.id,
      version: i.version,
      drawOrder: i.drawOrder,
      merchantId: i.merchantId,
      merchantNo: i.merchant?.merchantNo ?? null,
      legalName: i.merchant?.legalName ?? null,
      merchantVersion: i.merchantVersion,
      mcc: i.mcc,
      maker: nameOf(i.makerId),
      assigneeId: i.assigneeId,
      assignee: nameOf(i.assigneeId),
      status: i.status,
      outcome: i.outcome,
      note: i.note,
      checkedBy: nameOf(i.checkedById),
      checkedAt: i.checkedAt,
      stale: i.stale,
    })),
  };
}
