import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkField } from "@/lib/domain/validation";
import { UseCaseError } from "@/lib/server/errors";

/**
 * Acquirer code + area (first four digits of the division) + MCC + a sequence per prefix. The
 * counter row's lock serialises concurrent approvals for the same prefix.
 */
export async function nextMerchantNo(tx: Prisma.TransactionClient, acquirerCode: string, divisionCode: string, mcc: string) {
  const prefix = `${acquirerCode}${divisionCode.slice(0, 4)}${mcc}`;
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "MerchantNoCounter" (prefix, last) VALUES (${prefix}, 1)
    ON CONFLICT (prefix) DO UPDATE SET last = "MerchantNoCounter".last + 1
    RETURNING last`;
  if (!row || row.last > 9999) throw new UseCaseError("CONFLICT", { _form: ["validation.merchant.numbersExhausted"] });
  const merchantNo = `${prefix}${String(row.last).padStart(4, "0")}`;
  if (!checkField("merchantNo", merchantNo).ok) throw new Error(`generated merchant number ${merchantNo} is invalid`);
  return merchantNo;
}
