import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TMerchantApplication } from "@/lib/domain/merchant/application-schema";
import type { FieldErrors } from "@/lib/server/errors";
import { lookupCardBin } from "@/lib/server/reference/lookup-card-bin";
import type { RelatedRecords } from "./related-records";

/**
 * Rules that need the reference tables: a known active MCC, a known bank, and no credit card. The
 * MCC and bank come with the related records; the BIN table is read for personal accounts only.
 */
export async function checkReferenceData(tx: Prisma.TransactionClient, app: TMerchantApplication, related: RelatedRecords) {
  const errors: FieldErrors = {};
  if (!related.mccActive) errors["merchant.mcc"] = ["validation.merchant.mccUnknown"];
  if (!related.bankKnown) errors["account.bankCode"] = ["validation.account.bankUnknown"];
  const cardType = app.account.accountType === "PERSONAL" ? ((await lookupCardBin(app.account.accountNo, tx))?.cardType ?? null) : null;
  if (cardType === "CREDIT") errors["account.accountNo"] = ["validation.account.creditCard"];
  return { errors, cardType };
}
