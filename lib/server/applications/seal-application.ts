import "server-only";
import type { TMerchantApplication } from "@/lib/domain/merchant/application-schema";
import { blindIndex, encryptSensitive, lastFour } from "@/lib/server/crypto/sensitive";

/** The proposal as stored on a change request: sensitive numbers sealed, indexed and last-4 only. */
export function sealApplication(app: TMerchantApplication) {
  const { legalRepId, ...merchant } = app.merchant;
  const { accountNo, accountNoWarnings, ...account } = app.account;
  return {
    merchant: {
      ...merchant,
      legalRepIdEnc: encryptSensitive("resident-id", legalRepId),
      legalRepIdHash: blindIndex("resident-id", legalRepId),
      legalRepIdLast4: lastFour(legalRepId),
    },
    account: {
      ...account,
      accountNoEnc: encryptSensitive("account-no", accountNo),
      accountNoHash: blindIndex("account-no", accountNo),
      accountLast4: lastFour(accountNo),
      accountNoWarnings,
    },
    terminals: app.terminals,
  };
}
export type TSealedProposal = ReturnType<typeof sealApplication>;
