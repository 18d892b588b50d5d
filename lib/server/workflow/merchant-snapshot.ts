import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";

/** The version history shows what changed without ever holding a full number: last 4 only. */
export function snapshotOf(
  merchant: TSealedProposal["merchant"] & { merchantNo: string; status: string },
  account: TSealedProposal["account"],
  terminals: TSealedProposal["terminals"],
): Prisma.InputJsonValue {
  return {
    merchant: {
      merchantNo: merchant.merchantNo, status: merchant.status, type: merchant.type, legalName: merchant.legalName, receiptName: merchant.receiptName, creditCode: merchant.creditCode,
      legalRepName: merchant.legalRepName, legalRepId: `••••${merchant.legalRepIdLast4}`, phone: merchant.phone, mcc: merchant.mcc, divisionCode: merchant.divisionCode, street: merchant.street,
    },
    account: {
      accountType: account.accountType, accountName: account.accountName, accountNo: `••••${account.accountLast4}`, bankCode: account.bankCode,
      branchName: account.branchName, cnaps: account.cnaps, thirdPartyAuthRef: account.thirdPartyAuthRef || null,
    },
    terminals: terminals.map((t) => ({ terminalId: t.terminalId, serialNo: t.serialNo, installAddress: t.installAddress })),
  };
}
