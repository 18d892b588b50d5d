import "server-only";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import type { TSealedField } from "@/lib/domain/merchant/sealed-fields";
import type { TSealedProposal } from "./seal-application";

/**
 * A stored proposal as the values of a form that edits it. The sealed numbers stay out: their
 * fields start blank (keep what is on file) and only their last 4 travel, as `onFile`.
 */
export function editableProposal(sealed: TSealedProposal): { values: TMerchantApplicationInput; onFile: Record<TSealedField, string> } {
  const { merchant: m, account: a } = sealed;
  return {
    values: {
      merchant: {
        type: m.type, legalName: m.legalName, receiptName: m.receiptName, creditCode: m.creditCode ?? "", legalRepName: m.legalRepName,
        legalRepId: "", phone: m.phone, mcc: m.mcc, divisionCode: m.divisionCode, street: m.street,
      },
      account: {
        accountType: a.accountType, accountName: a.accountName, accountNo: "", bankCode: a.bankCode, branchName: a.branchName, cnaps: a.cnaps,
        thirdPartyAuthRef: a.thirdPartyAuthRef, thirdPartyAuthDate: a.thirdPartyAuthDate,
      },
      terminals: sealed.terminals.map((t) => ({ terminalId: t.terminalId, serialNo: t.serialNo, installAddress: t.installAddress })),
    },
    onFile: { legalRepId: m.legalRepIdLast4, accountNo: a.accountLast4 },
  };
}
