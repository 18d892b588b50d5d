import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { ZMerchantApplicationSchema, type TMerchantApplication } from "@/lib/domain/merchant/application-schema";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import { checkReferenceData } from "./check-reference-data";
import { findDuplicates } from "./find-duplicates";
import { parseKeepingSealed, type TKeepSealed } from "./keep-sealed";
import { sealApplication, type TSealedProposal } from "./seal-application";

/**
 * Validation shared by a first submission and a correction: schema, reference tables, sealing.
 * With `keepSealed`, a blank sealed number keeps the one in that stored proposal.
 */
export async function prepareProposal(db: PrismaClient, data: unknown, keepSealed?: TKeepSealed) {
  const app = keepSealed ? parseKeepingSealed(data, keepSealed) : parseInput(ZMerchantApplicationSchema, data);
  const referenceErrors = await checkReferenceData(db, app);
  if (Object.keys(referenceErrors).length) throw new UseCaseError("VALIDATION", referenceErrors);
  return { app, proposal: sealApplication(app) };
}

/** Duplicate refusals inside the writing transaction; findings go to the reviewer. */
export async function refuseDuplicates(tx: Prisma.TransactionClient, app: TMerchantApplication, proposal: TSealedProposal, merchantId?: string) {
  const duplicates = await findDuplicates(tx, {
    merchantId,
    creditCode: app.merchant.creditCode,
    accountNoHash: proposal.account.accountNoHash,
    terminalIds: app.terminals.map((t) => t.terminalId),
    serialNos: app.terminals.map((t) => t.serialNo),
  });
  if (Object.keys(duplicates.errors).length) throw new UseCaseError("VALIDATION", duplicates.errors);
  return duplicates.findings;
}

/** The columns a change request keeps beside its proposal, for queues, search and duplicate checks. */
export function requestColumns(app: TMerchantApplication, proposal: TSealedProposal) {
  return {
    proposal: proposal as unknown as Prisma.InputJsonValue,
    creditCode: app.merchant.creditCode,
    legalName: app.merchant.legalName,
    accountNoHash: proposal.account.accountNoHash,
    accountLast4: proposal.account.accountLast4,
    phone: app.merchant.phone,
    mcc: app.merchant.mcc,
    divisionCode: app.merchant.divisionCode,
    merchantType: app.merchant.type,
    terminalIds: app.terminals.map((t) => t.terminalId),
    serialNos: app.terminals.map((t) => t.serialNo),
  };
}
