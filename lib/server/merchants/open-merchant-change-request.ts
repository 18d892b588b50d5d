import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditEvent } from "@/lib/domain/audit/events";
import type { TMerchantApplication } from "@/lib/domain/merchant/application-schema";
import { initialStatus } from "@/lib/domain/workflow/change-request-machine";
import { newChangeReference } from "@/lib/server/applications/change-reference";
import { checkAgainstRecords, requestColumns } from "@/lib/server/applications/prepare-proposal";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";
import { UseCaseError } from "@/lib/server/errors";
import { assessRisk } from "@/lib/server/risk/assess-risk";
import type { currentProposal } from "./current-proposal";

type TCurrent = NonNullable<Awaited<ReturnType<typeof currentProposal>>>;

/** What an approval would change, ignoring the ciphertexts (fresh each sealing) and derived warnings. */
function comparable({ merchant, account, terminals }: TSealedProposal) {
  const { legalRepIdEnc: _m, ...m } = merchant;
  const { accountNoEnc: _a, accountNoWarnings: _w, thirdParty: _t, ...a } = account;
  return JSON.stringify({ m, a, terminals });
}

export function assertSomethingChanged(proposal: TSealedProposal, current: TCurrent) {
  if (comparable(proposal) === comparable(current.sealed)) throw new UseCaseError("VALIDATION", { _form: ["validation.change.nothingChanged"] });
}

/**
 * Inside the caller's transaction, after `assertFreeForChange`: the checks against stored records,
 * the risk assessment against the version in force and the UPDATE change request — what the change
 * form and an imported change row share. The audit event comes back for the caller to record.
 */
export async function openMerchantChangeRequest(
  tx: Prisma.TransactionClient,
  { makerId, current, merchantVersion, app, proposal, caseId, now }: { makerId: string; current: TCurrent; merchantVersion: number; app: TMerchantApplication; proposal: TSealedProposal; caseId: string | null; now: Date },
) {
  const merchantId = current.merchant.id;
  const { findings, related, cardType } = await checkAgainstRecords(tx, app, proposal, merchantId);
  const { merchant: m, sealed } = current;
  const previous = { phone: m.phone, legalRepIdHash: m.legalRepIdHash, accountNoHash: sealed.account.accountNoHash };
  const risk = await assessRisk(tx, { kind: "UPDATE", merchantId, proposal, plainAccountNo: app.account.accountNo, related, cardType, previous }, now);
  const request = await tx.changeRequest.create({
    data: {
      id: crypto.randomUUID(), reference: newChangeReference(now), kind: "UPDATE", merchantId, openMerchantId: merchantId,
      status: initialStatus("UPDATE"), makerId, baseVersion: merchantVersion, ...requestColumns(proposal),
      findings: findings as unknown as Prisma.InputJsonValue, riskFlags: risk.flags as unknown as Prisma.InputJsonValue, highRisk: risk.highRisk, submittedAt: now,
      caseId,
    },
    select: { id: true, reference: true, caseId: true },
  });
  const auditEvent = {
    action: "change.submitted",
    entity: "change-request",
    entityId: request.id,
    after: { reference: request.reference, kind: "UPDATE", merchantId, accountLast4: proposal.account.accountLast4, findings: findings.map((f) => f.code), ...(caseId ? { caseId } : {}) },
  } satisfies TAuditEvent;
  return { request, findings, auditEvent, changesAccount: proposal.account.accountNoHash !== sealed.account.accountNoHash };
}
