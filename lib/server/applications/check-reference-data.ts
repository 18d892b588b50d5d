import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TMerchantApplication } from "@/lib/domain/merchant/application-schema";
import type { FieldErrors } from "@/lib/server/errors";
import { lookupCardBin } from "@/lib/server/reference/lookup-card-bin";

/** Rules that need the reference tables: a known active MCC, a known bank, and no credit card. */
export async function checkReferenceData(db: PrismaClient, app: TMerchantApplication): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const mcc = await db.mcc.findUnique({ where: { code: app.merchant.mcc } });
  if (!mcc || !mcc.active) errors["merchant.mcc"] = ["validation.merchant.mccUnknown"];
  if (!(await db.bankCategory.findUnique({ where: { code: app.account.bankCode } }))) errors["account.bankCode"] = ["validation.account.bankUnknown"];
  if (app.account.accountType === "PERSONAL") {
    const bin = await lookupCardBin(app.account.accountNo, db);
    if (bin?.cardType === "CREDIT") errors["account.accountNo"] = ["validation.account.creditCard"];
  }
  return errors;
}
