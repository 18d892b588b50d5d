import "server-only";
import { diffRecords } from "@/lib/domain/diff";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/**
 * Versions approved before snapshots held the status were all ACTIVE (nothing could suspend a
 * merchant then): filled in, so the first later version does not show a status change.
 */
function withStatus(snapshot: unknown) {
  const { merchant, ...rest } = snapshot as { merchant: Record<string, unknown> };
  return { ...rest, merchant: { status: "ACTIVE", ...merchant } };
}

/** The merchant as approved (masked), its accounts over time, terminals, open request and version history with diffs. */
export async function getMerchant(actor: Actor | null, merchantId: string) {
  authorize(actor, "merchant:read");
  const db = await prisma();
  const merchant = await db.merchant.findUnique({
    where: { id: merchantId.slice(0, 64) },
    include: {
      accounts: { orderBy: { createdAt: "desc" }, omit: { accountNoEnc: true, accountNoHash: true } },
      terminals: { orderBy: { boundFrom: "desc" } },
      changeRequests: { orderBy: { submittedAt: "desc" }, select: { id: true, reference: true, kind: true, status: true, submittedAt: true, openMerchantId: true, holdUntil: true } },
    },
    omit: { legalRepIdEnc: true, legalRepIdHash: true },
  });
  if (!merchant || merchant.version === 0) return null;
  const versions = await db.merchantVersion.findMany({ where: { merchantId: merchant.id }, orderBy: { version: "asc" } });
  const approvers = await db.user.findMany({ where: { id: { in: versions.map((v) => v.approvedById) } }, select: { id: true, displayName: true } });
  const history = versions.map((v, i) => ({
    version: v.version,
    approvedAt: v.approvedAt,
    approvedBy: approvers.find((a) => a.id === v.approvedById)?.displayName ?? "",
    changeRequestId: v.changeRequestId,
    restoresVersion: v.restoresVersion,
    changes: diffRecords(i > 0 ? withStatus(versions[i - 1]!.snapshot) : null, withStatus(v.snapshot)),
  }));
  const { changeRequests, ...rest } = merchant;
  return { ...rest, openRequest: changeRequests.find((r) => r.openMerchantId) ?? null, changeRequests, history: history.reverse() };
}
