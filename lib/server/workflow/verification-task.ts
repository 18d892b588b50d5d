import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/**
 * What a verifier may see before re-keying: enough to find the paper file, nothing of the values
 * to be re-keyed (no account name, number, CNAPS code or credit code ever reaches their browser).
 */
export async function getVerificationTask(actor: Actor | null, changeRequestId: string) {
  authorize(actor, "change:verify");
  const db = await prisma();
  const request = await db.changeRequest.findUnique({ where: { id: changeRequestId.slice(0, 64) } });
  if (!request) return null;
  const proposal = request.proposal as { account?: { accountType?: string; accountNoWarnings?: string[] } };
  const maker = await db.user.findUnique({ where: { id: request.makerId }, select: { displayName: true } });
  return {
    id: request.id,
    reference: request.reference,
    version: request.version,
    status: request.status,
    kind: request.kind,
    merchantType: request.merchantType,
    mcc: request.mcc,
    divisionCode: request.divisionCode,
    submittedAt: request.submittedAt,
    makerName: maker?.displayName ?? "",
    isOwn: request.makerId === actor.id,
    needsCreditCode: request.creditCode !== null,
    accountType: proposal.account?.accountType === "PERSONAL" ? ("PERSONAL" as const) : ("CORPORATE" as const),
    warnings: proposal.account?.accountNoWarnings ?? [],
  };
}
