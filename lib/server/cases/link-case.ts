import "server-only";
import { ZLinkCaseSchema } from "@/lib/domain/cases/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError, type FieldErrors } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadCaseFor, updateCase } from "./load-case";

/**
 * Links the merchant, terminal or change request a case concerns, by the identifiers auditors
 * read off slips and reports. A merchant or change request must exist; a terminal ID need not be
 * bound to anyone — an unknown terminal is itself a finding.
 */
export async function linkCase({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "case:triage");
  const data = parseInput(ZLinkCaseSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const { found } = await loadCaseFor(tx, data, "link");
    const errors: FieldErrors = {};
    const merchant = data.merchantNo ? await tx.merchant.findUnique({ where: { merchantNo: data.merchantNo }, select: { id: true } }) : null;
    if (data.merchantNo && !merchant) errors.merchantNo = ["validation.case.merchantNotFound"];
    const request = data.changeRequestReference ? await tx.changeRequest.findUnique({ where: { reference: data.changeRequestReference }, select: { id: true, merchantId: true } }) : null;
    if (data.changeRequestReference && !request) errors.changeRequestReference = ["validation.case.changeRequestNotFound"];
    const merchantId = merchant?.id ?? found.merchantId;
    if (request && merchantId && request.merchantId !== merchantId) errors.changeRequestReference = ["validation.case.changeRequestOtherMerchant"];
    if (Object.keys(errors).length) throw new UseCaseError("VALIDATION", errors);

    const after = { merchantId: merchantId ?? request?.merchantId ?? null, terminalId: data.terminalId ?? found.terminalId, changeRequestId: request?.id ?? found.changeRequestId };
    const version = await updateCase(tx, found, after);
    await recordAuditEvent(tx, { action: "case.linked", entity: "case", entityId: found.id, before: { merchantId: found.merchantId, terminalId: found.terminalId, changeRequestId: found.changeRequestId }, after }, actor, requestMeta);
    return { version };
  });
}
