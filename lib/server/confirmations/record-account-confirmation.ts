import "server-only";
import crypto from "node:crypto";
import { contactTimeProblem } from "@/lib/domain/confirmations/hold";
import { ZRecordConfirmationSchema } from "@/lib/domain/confirmations/confirmation-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { openCase } from "@/lib/server/cases/open-case";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError, type FieldErrors } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadForDecision, moveRequest } from "@/lib/server/workflow/load-for-decision";
import { putNewAccountInForce } from "./account-switch";
import { previouslyVerifiedContact } from "./previous-contact";
import { rollBackChange } from "./roll-back-change";

/**
 * A clerk other than the maker records the out-of-band call with the merchant's previously
 * verified contact. CONFIRMED: the new account takes effect now. OBJECTED: the change is rolled
 * back and a case opened for auditors. Either way in one transaction with its audit events.
 */
export async function recordAccountConfirmation({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:confirm");
  const data = parseInput(ZRecordConfirmationSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const { request } = await loadForDecision(tx, actor, data.outcome === "CONFIRMED" ? "confirm" : "object", data);
    const now = new Date();
    const errors: FieldErrors = {};
    const contact = await previouslyVerifiedContact(tx, request);
    if (!contact.phone || data.phoneUsed !== contact.phone) errors.phoneUsed = ["validation.confirmation.notPreviousContact"];
    const when = contactTimeProblem(data.contactedAt, { approvedAt: request.decidedAt ?? now, now });
    if (when) errors.contactedAt = [when === "FUTURE" ? "validation.confirmation.contactedInFuture" : "validation.confirmation.contactedBeforeApproval"];
    if (Object.keys(errors).length) throw new UseCaseError("VALIDATION", errors);

    const confirmation = await tx.accountConfirmation.create({
      data: { id: crypto.randomUUID(), changeRequestId: request.id, recordedById: actor.id, contactName: data.contactName, phoneUsed: data.phoneUsed, contactedAt: data.contactedAt, outcome: data.outcome, note: data.note, recordedAt: now },
    });
    const recorded = { merchantId: request.merchantId, confirmationId: confirmation.id, contactedAt: data.contactedAt.toISOString() };
    if (data.outcome === "CONFIRMED") {
      const accounts = await putNewAccountInForce(tx, request, now, actor.id);
      await recordAuditEvent(tx, { action: "change.confirmed", entity: "change-request", entityId: request.id, before: { status: request.status }, after: { status: "EFFECTIVE", ...recorded, ...accounts } }, actor, requestMeta);
      return { status: "EFFECTIVE" as const, caseReference: null };
    }

    await moveRequest(tx, request, { status: "REJECTED", openMerchantId: null, confirmedById: actor.id, decisionNote: data.note });
    const rolledBack = await rollBackChange(tx, request, actor, now);
    const opened = await openCase(
      tx,
      {
        kind: "ACCOUNT_CHANGE_OBJECTION",
        merchantId: request.merchantId,
        changeRequestId: request.id,
        summary: data.note,
        details: { reference: request.reference, contactName: data.contactName, phoneUsed: data.phoneUsed, contactedAt: recorded.contactedAt, withdrawnAccountLast4: rolledBack.withdrawnAccountLast4, restoredVersion: request.baseVersion, terminalsNotRestored: rolledBack.terminalsBoundElsewhere },
        now,
      },
      actor,
      requestMeta,
    );
    await recordAuditEvent(
      tx,
      { action: "change.objected", entity: "change-request", entityId: request.id, before: { status: request.status }, after: { status: "REJECTED", ...recorded, withdrawnAccountLast4: rolledBack.withdrawnAccountLast4, merchantVersion: rolledBack.merchantVersion, caseId: opened.id } },
      actor,
      requestMeta,
    );
    return { status: "REJECTED" as const, caseReference: opened.reference };
  });
}
