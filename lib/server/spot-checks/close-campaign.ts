import "server-only";
import { ZCloseCampaignSchema } from "@/lib/domain/spot-checks/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/** Ends a campaign: pending items stay pending (and count as not done in the report), nothing more is recorded. */
export async function closeCampaign({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "spotcheck:manage");
  const data = parseInput(ZCloseCampaignSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const campaign = await tx.spotCheckCampaign.findUnique({ where: { id: data.campaignId } });
    if (!campaign) throw new UseCaseError("NOT_FOUND");
    if (campaign.status !== "OPEN") throw new UseCaseError("CONFLICT", { _form: ["validation.spotCheck.campaignClosed"] });
    const { count } = await tx.spotCheckCampaign.updateMany({ where: { id: campaign.id, version: data.version, status: "OPEN" }, data: { status: "CLOSED", closedAt: new Date(), version: data.version + 1 } });
    if (count !== 1) throw new UseCaseError("CONFLICT");
    const total = await tx.spotCheckItem.count({ where: { campaignId: campaign.id } });
    const done = await tx.spotCheckItem.count({ where: { campaignId: campaign.id, status: "DONE" } });
    await recordAuditEvent(tx, { action: "spotcheck.campaign-closed", entity: "spot-check-campaign", entityId: campaign.id, before: { status: campaign.status }, after: { done, total } }, actor, requestMeta);
    return { status: "CLOSED" as const, version: data.version + 1, done, total };
  });
}
