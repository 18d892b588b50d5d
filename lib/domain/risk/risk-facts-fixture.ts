// Risk facts for the rule tests: a clean onboarding and the variations most rules start from.
import { DEFAULT_SETTINGS } from "@/lib/domain/settings/settings-schema";
import { cnapsCheckDigit } from "@/lib/domain/validation/cnaps";
import type { RiskFacts, RiskThresholds } from "./index";

export const T: RiskThresholds = DEFAULT_SETTINGS.risk; // maxAccountChanges90d 2, newMerchantDays 30, sharedAccountMerchants 1, sharedPhoneMerchants 2

export function cnaps(bank: string, area: string, branch = "0001") {
  const body = `${bank}${area}${branch}`;
  return body + cnapsCheckDigit(body);
}

/** A clean enterprise onboarding in Fuzhou with a Fuzhou ICBC branch: no rule fires. */
export function facts(overrides: Partial<RiskFacts> = {}): RiskFacts {
  return {
    kind: "ONBOARD",
    merchantType: "ENTERPRISE",
    accountType: "CORPORATE",
    thirdParty: false,
    thirdPartyAuthRef: "",
    accountName: "福州测试贸易有限公司",
    merchantName: "福州测试贸易有限公司",
    legalRepName: "林测试",
    accountNameMatchesMerchant: true,
    accountNameMatchesLegalRep: false,
    accountLast4: "1234",
    otherMerchantsWithAccount: [],
    cardType: null,
    accountChangesLast90Days: 0,
    daysSinceOnboarding: null,
    changesAccount: false,
    changesContactOrLegalRep: false,
    contactChanges: [],
    cnaps: cnaps("102", "3910"),
    divisionCode: "350102",
    mcc: "5411",
    mccRiskLevel: 0,
    phoneIsMvno: false,
    phoneLast4: "9903",
    otherMerchantsWithPhone: [],
    watchListHits: [],
    ...overrides,
  };
}

/** A personal account of an individual business in the legal representative's name. */
export const personal = (o: Partial<RiskFacts> = {}) =>
  facts({ merchantType: "INDIVIDUAL_BUSINESS", accountType: "PERSONAL", accountName: "林测试", accountNameMatchesMerchant: false, accountNameMatchesLegalRep: true, cardType: "DEBIT", ...o });

/** An UPDATE of a merchant onboarded long ago. */
export const update = (o: Partial<RiskFacts> = {}) => facts({ kind: "UPDATE", daysSinceOnboarding: 400, ...o });
