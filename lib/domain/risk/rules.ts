/**
 * Risk rules on a change request (DOMAIN.md §5 signals 1–9, SPEC.md §3.7). One small pure function
 * per signal: facts (+ thresholds) in, one flag or null out. Evidence holds names, counts, last 4
 * digits and codes only — never a full account or ID number.
 */
import { cnapsAreaCode } from "@/lib/domain/validation/cnaps";
import type { TSettings } from "@/lib/domain/settings/settings-schema";
import type { RiskFacts } from "./facts";

export type RiskThresholds = TSettings["risk"];

export const RISK_SEVERITIES = ["low", "medium", "high"] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** Every flag code, in the order the rules run. */
export const RISK_CODES = [
  "THIRD_PARTY_SETTLEMENT",
  "ACCOUNT_NAME_MISMATCH",
  "PERSONAL_ACCOUNT_FOR_ENTERPRISE",
  "ACCOUNT_SHARED",
  "CREDIT_CARD_ACCOUNT",
  "PREPAID_CARD_ACCOUNT",
  "FREQUENT_ACCOUNT_CHANGES",
  "CHANGE_SOON_AFTER_ONBOARDING",
  "ACCOUNT_AND_CONTACT_CHANGE",
  "BANK_AREA_MISMATCH",
  "PERSONAL_ACCOUNT_HIGH_RISK_MCC",
  "MVNO_CONTACT_NUMBER",
  "PHONE_SHARED",
  "WATCH_LIST_HIT",
] as const;
export type RiskCode = (typeof RISK_CODES)[number];

export type RiskEvidence = Record<string, string | number | string[]>;
export type RiskFlag = { code: RiskCode; severity: RiskSeverity; evidence: RiskEvidence };

/** At most this many merchant names go into evidence; the count is always complete. */
const MAX_NAMES = 10;
const names = (list: string[]) => list.slice(0, MAX_NAMES);

const flag = (code: RiskCode, severity: RiskSeverity, evidence: RiskEvidence): RiskFlag => ({ code, severity, evidence });

// ── 1. Who receives the money ───────────────────────────────────────────────────────────────

/**
 * Signal 1. A third-party settlement (account not in the expected name, with an authorisation letter)
 * is always high risk and needs a second supervisor (DOMAIN §3). Without the third-party marker, an
 * account name that is not the expected one (legal name for a corporate account, legal
 * representative / operator for a personal account) is flagged as a mismatch — the entry schema
 * should have refused it, so seeing it means data arrived by another path.
 */
export function ruleAccountName(f: RiskFacts): RiskFlag | null {
  const evidence: RiskEvidence = { accountName: f.accountName, merchantName: f.merchantName, legalRepName: f.legalRepName, accountType: f.accountType };
  if (f.thirdParty) return flag("THIRD_PARTY_SETTLEMENT", "high", { ...evidence, authRef: f.thirdPartyAuthRef });
  const matchesExpected = f.accountType === "CORPORATE" ? f.accountNameMatchesMerchant : f.accountNameMatchesLegalRep;
  return matchesExpected ? null : flag("ACCOUNT_NAME_MISMATCH", "high", evidence);
}

/** SPEC §3.7 "personal account for an enterprise": an enterprise settles to a corporate account only (DOMAIN §3). */
export function rulePersonalAccountForEnterprise(f: RiskFacts): RiskFlag | null {
  if (f.merchantType !== "ENTERPRISE" || f.accountType !== "PERSONAL") return null;
  return flag("PERSONAL_ACCOUNT_FOR_ENTERPRISE", "high", { merchantType: f.merchantType, accountType: f.accountType, accountLast4: f.accountLast4 });
}

// ── 2. Shared account ───────────────────────────────────────────────────────────────────────

/** Signal 2: the account already receives (or is about to receive) for at least `sharedAccountMerchants` other merchants. */
export function ruleSharedAccount(f: RiskFacts, t: RiskThresholds): RiskFlag | null {
  const count = f.otherMerchantsWithAccount.length;
  if (count < t.sharedAccountMerchants) return null;
  return flag("ACCOUNT_SHARED", "high", { accountLast4: f.accountLast4, otherMerchantCount: count, otherMerchants: names(f.otherMerchantsWithAccount), threshold: t.sharedAccountMerchants });
}

// ── 3. Card type ────────────────────────────────────────────────────────────────────────────

/**
 * Signal 3: a credit card is never a settlement account (cash-out loop); a prepaid card is not a
 * current deposit account either, so it is flagged for review at a lower severity.
 */
export function ruleCardType(f: RiskFacts): RiskFlag | null {
  if (f.accountType !== "PERSONAL") return null;
  if (f.cardType === "CREDIT") return flag("CREDIT_CARD_ACCOUNT", "high", { accountLast4: f.accountLast4, cardType: f.cardType });
  if (f.cardType === "PREPAID") return flag("PREPAID_CARD_ACCOUNT", "medium", { accountLast4: f.accountLast4, cardType: f.cardType });
  return null;
}

// ── 4. Change frequency and timing ──────────────────────────────────────────────────────────

/**
 * Signal 4a: counting this request, the account would have changed more than
 * `maxAccountChanges90d` times in 90 days.
 */
export function ruleFrequentAccountChanges(f: RiskFacts, t: RiskThresholds): RiskFlag | null {
  if (!f.changesAccount) return null;
  const total = f.accountChangesLast90Days + 1;
  if (total <= t.maxAccountChanges90d) return null;
  return flag("FREQUENT_ACCOUNT_CHANGES", "medium", { changesIn90Days: total, previousChanges: f.accountChangesLast90Days, threshold: t.maxAccountChanges90d });
}

/** Signal 4b: the account is changed within `newMerchantDays` days of onboarding (0 disables the rule). */
export function ruleChangeSoonAfterOnboarding(f: RiskFacts, t: RiskThresholds): RiskFlag | null {
  if (!f.changesAccount || f.daysSinceOnboarding === null) return null;
  if (f.daysSinceOnboarding >= t.newMerchantDays) return null;
  return flag("CHANGE_SOON_AFTER_ONBOARDING", "medium", { daysSinceOnboarding: f.daysSinceOnboarding, threshold: t.newMerchantDays });
}

// ── 5. Takeover pattern ─────────────────────────────────────────────────────────────────────

/**
 * Signal 5: the account changes together with the phone or the legal representative. The
 * out-of-band confirmation goes to the previously verified contact — exactly what a takeover
 * replaces at the same time — so this is high risk.
 */
export function ruleAccountAndContactChange(f: RiskFacts): RiskFlag | null {
  if (!f.changesAccount || !f.changesContactOrLegalRep) return null;
  return flag("ACCOUNT_AND_CONTACT_CHANGE", "high", { accountLast4: f.accountLast4, changedFields: [...f.contactChanges] });
}

// ── 6. Bank area vs business location ──────────────────────────────────────────────────────

/**
 * ASSUMPTION (reviewed table, not from a published standard we hold): first two digits of the
 * PBOC payment-system area code (CNAPS digits 4–7) → GB/T 2260 province code(s). The provincial
 * capitals' codes are well attested (1000 北京, 1100 天津, 1210 河北, 1610 山西, 1910 内蒙古,
 * 2210 辽宁, 2410 吉林, 2610 黑龙江, 2900 上海, 3010 江苏, 3310 浙江, 3610 安徽, 3910 福建,
 * 4210 江西, 4510 山东, 4910 河南, 5210 湖北, 5510 湖南, 5810 广东, 6110 广西, 6410 海南,
 * 6510 四川, 6530 重庆, 7010 贵州, 7310 云南, 7700 西藏, 7910 陕西, 8210 甘肃, 8510 青海,
 * 8710 宁夏, 8810 新疆); the other cities of a province follow in the range up to the next
 * province. Only ranges we are confident of are listed: an unlisted prefix is "unknown" and never
 * flagged. Chongqing's codes sit inside Sichuan's range (it was part of Sichuan until 1997), so
 * 65–68 map to both and only a business outside both provinces is flagged.
 */
export const CNAPS_AREA_PROVINCES: Readonly<Record<string, readonly string[]>> = {
  "10": ["11"], // 北京
  "11": ["12"], // 天津
  "12": ["13"], "13": ["13"], "14": ["13"], // 河北
  "16": ["14"], "17": ["14"], "18": ["14"], // 山西
  "19": ["15"], "20": ["15"], // 内蒙古
  "22": ["21"], "23": ["21"], // 辽宁
  "24": ["22"], "25": ["22"], // 吉林
  "26": ["23"], "27": ["23"], // 黑龙江
  "29": ["31"], // 上海
  "30": ["32"], "31": ["32"], // 江苏
  "33": ["33"], "34": ["33"], // 浙江
  "36": ["34"], "37": ["34"], // 安徽
  "39": ["35"], "40": ["35"], // 福建
  "42": ["36"], "43": ["36"], // 江西
  "45": ["37"], "46": ["37"], "47": ["37"], // 山东
  "49": ["41"], "50": ["41"], "51": ["41"], // 河南
  "52": ["42"], "53": ["42"], // 湖北
  "55": ["43"], "56": ["43"], // 湖南
  "58": ["44"], "59": ["44"], "60": ["44"], // 广东
  "61": ["45"], "62": ["45"], // 广西
  "64": ["46"], // 海南
  "65": ["51", "50"], "66": ["51", "50"], "67": ["51", "50"], "68": ["51", "50"], // 四川 / 重庆
  "70": ["52"], "71": ["52"], // 贵州
  "73": ["53"], "74": ["53"], "75": ["53"], // 云南
  "77": ["54"], // 西藏
  "79": ["61"], "80": ["61"], // 陕西
  "82": ["62"], "83": ["62"], // 甘肃
  "85": ["63"], // 青海
  "87": ["64"], // 宁夏
  "88": ["65"], "89": ["65"], // 新疆
};

/** Exact area codes that override the two-digit range (Chongqing's own code inside Sichuan's range). */
const CNAPS_AREA_EXACT: Readonly<Record<string, readonly string[]>> = { "6530": ["50"] };

/** GB/T 2260 province codes (first two digits) a CNAPS area code may belong to, or null if unknown. */
export function cnapsAreaProvinces(area4: string): readonly string[] | null {
  if (!/^\d{4}$/.test(area4)) return null;
  return CNAPS_AREA_EXACT[area4] ?? CNAPS_AREA_PROVINCES[area4.slice(0, 2)] ?? null;
}

/** Signal 6: the account's bank branch is in a different province from the business address. */
export function ruleBankAreaMismatch(f: RiskFacts): RiskFlag | null {
  const area = cnapsAreaCode(f.cnaps);
  if (area === null || !/^\d{6}$/.test(f.divisionCode)) return null;
  const provinces = cnapsAreaProvinces(area);
  if (provinces === null) return null;
  const businessProvince = f.divisionCode.slice(0, 2);
  if (provinces.includes(businessProvince)) return null;
  return flag("BANK_AREA_MISMATCH", "low", { bankAreaCode: area, bankProvinces: [...provinces], businessDivision: f.divisionCode, businessProvince });
}

// ── 7. Personal account and high-risk MCC ───────────────────────────────────────────────────

/** Signal 7: a personal account settles for a merchant whose MCC is high risk (risk level 2). */
export function rulePersonalAccountHighRiskMcc(f: RiskFacts): RiskFlag | null {
  if (f.accountType !== "PERSONAL" || f.mccRiskLevel !== 2) return null;
  return flag("PERSONAL_ACCOUNT_HIGH_RISK_MCC", "medium", { mcc: f.mcc, mccRiskLevel: f.mccRiskLevel, accountLast4: f.accountLast4 });
}

// ── 8. Contact number ───────────────────────────────────────────────────────────────────────

/** Signal 8a: the contact number is in a virtual-operator (MVNO) block. */
export function ruleMvnoContactNumber(f: RiskFacts): RiskFlag | null {
  if (!f.phoneIsMvno) return null;
  return flag("MVNO_CONTACT_NUMBER", "low", { phoneLast4: f.phoneLast4 });
}

/** Signal 8b: the same phone is on at least `sharedPhoneMerchants` unrelated merchants. */
export function rulePhoneShared(f: RiskFacts, t: RiskThresholds): RiskFlag | null {
  const count = f.otherMerchantsWithPhone.length;
  if (count < t.sharedPhoneMerchants) return null;
  return flag("PHONE_SHARED", "medium", { phoneLast4: f.phoneLast4, otherMerchantCount: count, otherMerchants: names(f.otherMerchantsWithPhone), threshold: t.sharedPhoneMerchants });
}

// ── 9. Watch list ───────────────────────────────────────────────────────────────────────────

/** Signal 9: account number, legal representative's ID or credit code is on the watch list. */
export function ruleWatchList(f: RiskFacts): RiskFlag | null {
  if (f.watchListHits.length === 0) return null;
  return flag("WATCH_LIST_HIT", "high", { kinds: [...new Set(f.watchListHits)] });
}

/** All rules in evaluation order. */
export const RISK_RULES: readonly ((f: RiskFacts, t: RiskThresholds) => RiskFlag | null)[] = [
  ruleAccountName,
  rulePersonalAccountForEnterprise,
  ruleSharedAccount,
  ruleCardType,
  ruleFrequentAccountChanges,
  ruleChangeSoonAfterOnboarding,
  ruleAccountAndContactChange,
  ruleBankAreaMismatch,
  rulePersonalAccountHighRiskMcc,
  ruleMvnoContactNumber,
  rulePhoneShared,
  ruleWatchList,
];
