import "server-only";
import { diffRecords } from "@/lib/domain/diff";
import { STATUS_CHANGE } from "@/lib/domain/merchant/status-change";
import { isStatusChange } from "@/lib/domain/workflow/change-request-machine";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";
import { snapshotOf } from "./merchant-snapshot";

/**
 * What a proposal decides: not the merchant number (assigned at approval) nor the status (moved
 * only by a suspension or reactivation, shown apart).
 */
function decidedFields(snapshot: unknown) {
  if (!snapshot) return null;
  const { merchant, ...rest } = snapshot as { merchant: Record<string, unknown> };
  const { merchantNo: _assigned, status: _status, ...fields } = merchant;
  return { ...rest, merchant: fields };
}

/**
 * The supervisor's review: field-level diff of the proposal (masked) against the approved version,
 * the verification outcome, duplicate findings and risk flags. Readable by any staff role holding
 * merchant:read; deciding is checked separately.
 */
export async function getReviewView(actor: Actor | null, changeRequestId: string) {
  authorize(actor, "merchant:read");
  const db = await prisma();
  const request = await db.changeRequest.findUnique({ where: { id: changeRequestId.slice(0, 64) }, include: { verifications: { orderBy: { at: "desc" } } } });
  if (!request) return null;
  const sealed = request.proposal as unknown as TSealedProposal;
  const proposed = snapshotOf({ ...sealed.merchant, merchantNo: "", status: "" }, sealed.account, sealed.terminals);
  const current = request.baseVersion > 0 ? await db.merchantVersion.findUnique({ where: { merchantId_version: { merchantId: request.merchantId, version: request.baseVersion } } }) : null;
  const people = await db.user.findMany({
    where: { id: { in: [request.makerId, request.verifierId, request.approverId, request.secondApproverId, ...request.verifications.map((v) => v.verifierId)].filter((x): x is string => !!x) } },
    select: { id: true, displayName: true },
  });
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.displayName ?? "") : null);
  return {
    id: request.id,
    reference: request.reference,
    version: request.version,
    kind: request.kind,
    legalName: request.legalName,
    merchantType: request.merchantType,
    needsCreditCode: request.creditCode !== null,
    accountLast4: request.accountLast4,
    status: request.status,
    merchantId: request.merchantId,
    submittedAt: request.submittedAt,
    decisionNote: request.decisionNote,
    holdUntil: request.holdUntil,
    /** The maker's reason for a suspension or reactivation. */
    makerNote: request.makerNote,
    statusChange: isStatusChange(request.kind) ? { from: STATUS_CHANGE[request.kind].from, to: STATUS_CHANGE[request.kind].to } : null,
    maker: nameOf(request.makerId),
    verifier: nameOf(request.verifierId),
    approver: nameOf(request.approverId),
    mayCorrect: request.status === "RETURNED" && request.makerId === actor.id,
    mayDecide: actor.role === "SUPERVISOR" && ![request.makerId, request.verifierId, request.approverId].includes(actor.id),
    highRisk: request.highRisk,
    riskFlags: (request.riskFlags as { code: string; severity: string; evidence: Record<string, unknown> }[] | null) ?? [],
    findings: (request.findings as { code: string; field: string; otherMerchant: string }[] | null) ?? [],
    mismatchedFields: request.mismatchedFields,
    verifications: request.verifications.map((v) => ({ at: v.at, matched: v.matched, verifier: nameOf(v.verifierId), fields: v.fields as Record<string, boolean> })),
    accountWarnings: sealed.account.accountNoWarnings ?? [],
    changes: diffRecords(decidedFields(current?.snapshot), decidedFields(proposed)),
  };
}
