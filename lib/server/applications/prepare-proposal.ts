import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZMerchantApplicationSchema, type TMerchantApplication } from "@/lib/domain/merchant/application-schema";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import { checkReferenceData } from "./check-reference-data";
import { duplicatesIn } from "./find-duplicates";
import { parseKeepingSealed, type TKeepSealed } from "./keep-sealed";
import { findRelatedRecords, relatedRecordsQuery } from "./related-records";
import { sealApplication, type TSealedProposal } from "./seal-application";

/**
 * Validation shared by a first submission and a correction, before any database work: schema,
 * sealing. With `keepSealed`, a blank sealed number keeps the one in that stored proposal.
 */
export function prepareProposal(data: unknown, keepSealed?: TKeepSealed) {
  const app = keepSealed ? parseKeepingSealed(data, keepSealed) : parseInput(ZMerchantApplicationSchema, data);
  return { app, proposal: sealApplication(app) };
}

/**
 * The checks against stored records, inside the writing transaction: reference tables and
 * duplicates, refused together so the clerk sees every problem at once; findings go to the
 * reviewer. What was read comes back for the risk assessment in the same transaction.
 */
export async function checkAgainstRecords(tx: Prisma.TransactionClient, app: TMerchantApplication, proposal: TSealedProposal, merchantId: string) {
  const query = relatedRecordsQuery(merchantId, proposal);
  const related = await findRelatedRecords(tx, query);
  const reference = await checkReferenceData(tx, app, related);
  const duplicates = duplicatesIn(related, query);
  const errors = { ...reference.errors, ...duplicates.errors };
  if (Object.keys(errors).length) throw new UseCaseError("VALIDATION", errors);
  return { findings: duplicates.findings, related, cardType: reference.cardType };
}

/** The columns a change request keeps beside its proposal, for queues, search and duplicate checks. */
export function requestColumns(proposal: TSealedProposal) {
  const { merchant, account, terminals } = proposal;
  return {
    proposal: proposal as unknown as Prisma.InputJsonValue,
    // Micro-merchants have none: null, so the unique indexes do not treat "" as a shared code.
    creditCode: merchant.creditCode || null,
    legalName: merchant.legalName,
    accountNoHash: account.accountNoHash,
    accountLast4: account.accountLast4,
    phone: merchant.phone,
    mcc: merchant.mcc,
    divisionCode: merchant.divisionCode,
    merchantType: merchant.type,
    terminalIds: terminals.map((t) => t.terminalId),
    serialNos: terminals.map((t) => t.serialNo),
  };
}
