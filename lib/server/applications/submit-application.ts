import "server-only";
import crypto from "node:crypto";
import { ZSubmitApplicationSchema } from "@/lib/domain/merchant/draft-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { assessRisk } from "@/lib/server/risk/assess-risk";
import { newChangeReference } from "./change-reference";
import { insertOnboardingRequest } from "./insert-onboarding-request";
import { prepareProposal, checkAgainstRecords } from "./prepare-proposal";

/**
 * A new merchant's application becomes a change request awaiting verification. Nothing reaches
 * master data here: the merchant row exists only as ONBOARDING, so that "one open request per
 * merchant" and duplicate checks have something to hold on to.
 */
export async function submitApplication({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:submit");
  const { draftId, draftVersion, data } = parseInput(ZSubmitApplicationSchema, input);
  const db = await prisma();
  const { app, proposal } = prepareProposal(data);
  const now = new Date();
  try {
    return await db.$transaction(async (tx) => {
      const merchantId = crypto.randomUUID();
      const { findings, related, cardType } = await checkAgainstRecords(tx, app, proposal, merchantId);
      if (draftId) {
        const { count } = await tx.applicationDraft.updateMany({ where: { id: draftId, makerId: actor.id, submittedAt: null, version: draftVersion }, data: { submittedAt: now } });
        if (count !== 1) throw new UseCaseError("CONFLICT");
      }
      const risk = await assessRisk(tx, { kind: "ONBOARD", merchantId, proposal, plainAccountNo: app.account.accountNo, related, cardType }, now);
      const request = { id: crypto.randomUUID(), reference: newChangeReference(now), merchantId, makerId: actor.id, submittedAt: now, findings, riskFlags: risk.flags, highRisk: risk.highRisk };
      await insertOnboardingRequest(tx, request, app, proposal);
      if (draftId) await tx.applicationDraft.update({ where: { id: draftId }, data: { changeRequestId: request.id } });
      await recordAuditEvent(
        tx,
        { action: "change.submitted", entity: "change-request", entityId: request.id, after: { reference: request.reference, kind: "ONBOARD", merchantId, accountLast4: proposal.account.accountLast4, findings: findings.map((f) => f.code) } },
        actor,
        requestMeta,
      );
      return { changeRequestId: request.id, reference: request.reference, findings };
    });
  } catch (err) {
    // The partial unique index caught a concurrent submission the checks above could not see.
    if (isUniqueViolation(err)) {
      throw new UseCaseError("VALIDATION", { "merchant.creditCode": ["validation.duplicate.creditCodePending"] });
    }
    throw err;
  }
}
