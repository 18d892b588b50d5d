import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TImportRow } from "@/lib/domain/imports/columns";
import { openOnboardingRequest } from "@/lib/server/applications/open-onboarding-request";
import { prepareProposal } from "@/lib/server/applications/prepare-proposal";
import { UseCaseError } from "@/lib/server/errors";
import { currentProposal } from "@/lib/server/merchants/current-proposal";
import { assertFreeForChange } from "@/lib/server/merchants/merchant-change-guards";
import { assertSomethingChanged, openMerchantChangeRequest } from "@/lib/server/merchants/open-merchant-change-request";

/**
 * One row inside the import's transaction, through exactly what the form's submission runs: the
 * same schema (keep-sealed for a change), the same checks against stored records — which see the
 * rows accepted before it in this file — and the same change request. A refusal is a UseCaseError.
 */
export async function importRow(tx: Prisma.TransactionClient, makerId: string, row: TImportRow, now: Date) {
  if (!row.merchantNo) {
    const { app, proposal } = prepareProposal(row.data);
    const opened = await openOnboardingRequest(tx, { makerId, app, proposal, now });
    return { changeRequestId: opened.changeRequestId, reference: opened.reference, auditEvent: opened.auditEvent };
  }
  const merchant = await tx.merchant.findUnique({ where: { merchantNo: row.merchantNo.slice(0, 64) }, select: { id: true } });
  const current = merchant ? await currentProposal(tx, merchant.id) : null;
  if (!current || current.merchant.status === "CLOSED") throw new UseCaseError("VALIDATION", { merchantNo: ["imports.row.merchantUnknown"] });
  const version = current.merchant.version;
  if (row.merchantVersion && row.merchantVersion !== String(version)) {
    throw new UseCaseError("VALIDATION", { merchantVersion: ["imports.row.versionInForce"] }, { version });
  }
  const { app, proposal } = prepareProposal(row.data, { keep: current.sealed });
  assertSomethingChanged(proposal, current);
  await assertFreeForChange(tx, current.merchant.id, version);
  const opened = await openMerchantChangeRequest(tx, { makerId, current, merchantVersion: version, app, proposal, caseId: null, now });
  return { changeRequestId: opened.request.id, reference: opened.request.reference, auditEvent: opened.auditEvent };
}
