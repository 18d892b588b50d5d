import "server-only";
import { hasPermission } from "@/lib/domain/permissions";
import type { TSpotCheckChecklist } from "@/lib/domain/spot-checks/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";

/**
 * One item for its check screen: the campaign, the version drawn against the version in force
 * (stale when they differ), the change request that produced the drawn version, and what was
 * recorded. Its assignee may open it, and so may whoever manages campaigns.
 */
export async function getSpotCheckItem(actor: Actor | null, itemId: string) {
  authorize(actor, "spotcheck:perform");
  const db = await prisma();
  const item = await db.spotCheckItem.findUnique({
    where: { id: itemId.slice(0, 64) },
    include: { campaign: { select: { id: true, reference: true, name: true, status: true, periodStart: true, periodEnd: true } } },
  });
  if (!item) return null;
  if (item.assigneeId !== actor.id && !hasPermission(actor.role, "spotcheck:manage")) throw new UseCaseError("FORBIDDEN");
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: item.merchantId }, select: { version: true } });
  const request = await db.changeRequest.findUnique({ where: { id: item.changeRequestId }, select: { id: true, reference: true, kind: true, submittedAt: true, decidedAt: true } });
  const people = await db.user.findMany({ where: { id: { in: [item.assigneeId, item.checkedById].filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.displayName ?? id) : null);
  return {
    id: item.id,
    version: item.version,
    campaign: item.campaign,
    merchantId: item.merchantId,
    merchantVersion: item.merchantVersion,
    currentVersion: merchant.version,
    stale: item.stale || merchant.version !== item.merchantVersion,
    status: item.status,
    outcome: item.outcome,
    checklist: item.checklist as TSpotCheckChecklist | null,
    note: item.note,
    assigneeId: item.assigneeId,
    assignee: nameOf(item.assigneeId),
    checkedBy: nameOf(item.checkedById),
    checkedAt: item.checkedAt,
    mayRecord: item.assigneeId === actor.id && item.status === "PENDING" && item.campaign.status === "OPEN",
    changeRequest: request,
  };
}
