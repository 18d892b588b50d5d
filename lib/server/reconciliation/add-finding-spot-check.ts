import "server-only";
import crypto from "node:crypto";
import { ZFindingSpotCheckSchema } from "@/lib/domain/reconciliation/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadDrawnRecords } from "@/lib/server/spot-checks/select-population";

/**
 * Adds the finding's merchant (its version in force) to an open spot-check campaign as one more
 * item. Assigned to the auditor adding it unless they made, verified or approved that version
 * (then unassigned, to be reassigned on the campaign page).
 */
export async function addFindingToSpotCheck({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "reconciliation:run");
  authorize(actor, "spotcheck:manage");
  const { findingId, version, campaignId } = parseInput(ZFindingSpotCheckSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const finding = await tx.reconciliationFinding.findUnique({ where: { id: findingId } });
    if (!finding) throw new UseCaseError("NOT_FOUND");
    if (!finding.merchantId) throw new UseCaseError("VALIDATION", { _form: ["validation.reconciliation.noMerchantToCheck"] });
    const campaign = await tx.spotCheckCampaign.findUnique({ where: { id: campaignId } });
    if (!campaign || campaign.status !== "OPEN") throw new UseCaseError("VALIDATION", { campaignId: ["validation.reconciliation.campaignNotOpen"] });
    const merchant = await tx.merchant.findUnique({ where: { id: finding.merchantId }, select: { version: true } });
    if (!merchant || merchant.version < 1) throw new UseCaseError("VALIDATION", { _form: ["validation.reconciliation.noMerchantToCheck"] });
    if (await tx.spotCheckItem.findFirst({ where: { campaignId, merchantId: finding.merchantId }, select: { id: true } })) {
      throw new UseCaseError("CONFLICT", { campaignId: ["validation.reconciliation.alreadyInCampaign"] });
    }
    const [record] = await loadDrawnRecords(tx, [finding.merchantId]);
    const approverIds = [record!.approverId, record!.secondApproverId].filter((id): id is string => !!id);
    const involved = [record!.makerId, record!.verifierId, ...approverIds].includes(actor.id);
    const last = await tx.spotCheckItem.aggregate({ where: { campaignId }, _max: { drawOrder: true } });
    const itemId = crypto.randomUUID();
    await tx.spotCheckItem.create({
      data: {
        id: itemId, campaignId, drawOrder: (last._max.drawOrder ?? -1) + 1, merchantId: record!.merchantId, merchantVersion: record!.merchantVersion,
        changeRequestId: record!.changeRequestId, makerId: record!.makerId, verifierId: record!.verifierId, approverIds, mcc: record!.mcc,
        drawWeight: 0, assigneeId: involved ? null : actor.id,
      },
    });
    const { count } = await tx.reconciliationFinding.updateMany({ where: { id: findingId, version }, data: { spotCheckItemId: itemId, version: version + 1 } });
    if (count !== 1) throw new UseCaseError("CONFLICT");
    await recordAuditEvent(tx, { action: "reconciliation.finding-spot-check-added", entity: "reconciliation-finding", entityId: findingId, after: { campaignId, itemId, merchantId: record!.merchantId } }, actor, requestMeta);
    return { itemId, campaignReference: campaign.reference, version: version + 1 };
  });
}

/** Open campaigns to offer beside a finding (none: the page says so). */
export async function openCampaignsForFindings(actor: Actor | null) {
  authorize(actor, "reconciliation:run");
  const db = await prisma();
  return db.spotCheckCampaign.findMany({ where: { status: "OPEN" }, orderBy: { createdAt: "desc" }, take: 50, select: { id: true, reference: true, name: true } });
}
