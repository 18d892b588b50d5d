import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TMerchantApplication } from "@/lib/domain/merchant/application-schema";
import type { TAuditEvent } from "@/lib/domain/audit/events";
import { assessRisk } from "@/lib/server/risk/assess-risk";
import { newChangeReference } from "./change-reference";
import { insertOnboardingRequest } from "./insert-onboarding-request";
import { checkAgainstRecords } from "./prepare-proposal";
import type { TSealedProposal } from "./seal-application";

/**
 * Inside the caller's transaction: the checks against stored records, the risk assessment and the
 * ONBOARDING merchant with its change request — what a form submission and an imported row share.
 * The audit event comes back for the caller to record in the same transaction.
 */
export async function openOnboardingRequest(tx: Prisma.TransactionClient, { makerId, app, proposal, now }: { makerId: string; app: TMerchantApplication; proposal: TSealedProposal; now: Date }) {
  const merchantId = crypto.randomUUID();
  const { findings, related, cardType } = await checkAgainstRecords(tx, app, proposal, merchantId);
  const risk = await assessRisk(tx, { kind: "ONBOARD", merchantId, proposal, plainAccountNo: app.account.accountNo, related, cardType }, now);
  const request = { id: crypto.randomUUID(), reference: newChangeReference(now), merchantId, makerId, submittedAt: now, findings, riskFlags: risk.flags, highRisk: risk.highRisk };
  await insertOnboardingRequest(tx, request, app, proposal);
  const auditEvent = {
    action: "change.submitted",
    entity: "change-request",
    entityId: request.id,
    after: { reference: request.reference, kind: "ONBOARD", merchantId, accountLast4: proposal.account.accountLast4, findings: findings.map((f) => f.code) },
  } satisfies TAuditEvent;
  return { changeRequestId: request.id, reference: request.reference, findings, auditEvent };
}
