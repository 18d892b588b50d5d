import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";

/** Calendar day in China of an authorisation date stored as midnight +08:00. */
function chinaDay(date: Date | null) {
  return date ? new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : "";
}

/**
 * The approved master record in the shape of a sealed proposal: what a change to an existing
 * merchant starts from, and what its blank sealed fields keep. Read from the master tables, not from
 * the last approved request, so an account change withdrawn after approval is not brought back.
 */
export async function currentProposal(db: PrismaClient | Prisma.TransactionClient, merchantId: string) {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId.slice(0, 64) } });
  if (!merchant || merchant.version === 0 || !merchant.type) return null;
  const account = await db.receivingAccount.findFirst({ where: { merchantId: merchant.id, status: "IN_FORCE" }, orderBy: { effectiveFrom: "desc" } });
  if (!account) return null;
  const terminals = await db.terminalBinding.findMany({ where: { merchantId: merchant.id, boundTo: null }, orderBy: { boundFrom: "asc" } });
  const sealed: TSealedProposal = {
    merchant: {
      type: merchant.type, legalName: merchant.legalName ?? "", receiptName: merchant.receiptName ?? "", creditCode: merchant.creditCode,
      legalRepName: merchant.legalRepName ?? "", phone: merchant.phone ?? "", mcc: merchant.mcc ?? "", divisionCode: merchant.divisionCode ?? "", street: merchant.street ?? "",
      legalRepIdEnc: merchant.legalRepIdEnc ?? "", legalRepIdHash: merchant.legalRepIdHash ?? "", legalRepIdLast4: merchant.legalRepIdLast4 ?? "",
    },
    account: {
      accountType: account.accountType, accountName: account.accountName, bankCode: account.bankCode, branchName: account.branchName, cnaps: account.cnaps,
      thirdParty: !!account.thirdPartyAuthRef, thirdPartyAuthRef: account.thirdPartyAuthRef ?? "", thirdPartyAuthDate: chinaDay(account.thirdPartyAuthDate),
      accountNoEnc: account.accountNoEnc, accountNoHash: account.accountNoHash, accountLast4: account.accountLast4, accountNoWarnings: [],
    },
    terminals: terminals.map((t) => ({ terminalId: t.terminalId, serialNo: t.serialNo, installAddress: t.installAddress })),
  };
  return { merchant, sealed, accountId: account.id };
}
