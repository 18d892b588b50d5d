/**
 * Everything the risk rules (DOMAIN.md §5, SPEC.md §3.7) need about one change request, gathered by
 * the server (lib/server/risk/gather-risk-facts.ts). Pure data: no full account or ID numbers here,
 * only names, counts, last 4 digits, codes and booleans — whatever a rule puts into a flag's
 * evidence must already be safe to show and store.
 */

export const RISK_CHANGE_KINDS = ["ONBOARD", "UPDATE"] as const;
export type RiskChangeKind = (typeof RISK_CHANGE_KINDS)[number];

export const RISK_MERCHANT_TYPES = ["ENTERPRISE", "INDIVIDUAL_BUSINESS", "MICRO"] as const;
export type RiskMerchantType = (typeof RISK_MERCHANT_TYPES)[number];

export const RISK_ACCOUNT_TYPES = ["CORPORATE", "PERSONAL"] as const;
export type RiskAccountType = (typeof RISK_ACCOUNT_TYPES)[number];

export const RISK_CARD_TYPES = ["DEBIT", "CREDIT", "PREPAID"] as const;
export type RiskCardType = (typeof RISK_CARD_TYPES)[number];

/** Watch-list kinds (Prisma enum WatchListKind). */
export const WATCH_LIST_KINDS = ["ACCOUNT_NO", "RESIDENT_ID", "CREDIT_CODE"] as const;
export type WatchListKind = (typeof WATCH_LIST_KINDS)[number];

/** Which contact / identity fields an UPDATE changes (signal 5, takeover pattern). */
export const CONTACT_CHANGE_FIELDS = ["phone", "legalRep"] as const;
export type ContactChangeField = (typeof CONTACT_CHANGE_FIELDS)[number];

export type MccRiskLevel = 0 | 1 | 2;

export type RiskFacts = {
  kind: RiskChangeKind;
  merchantType: RiskMerchantType;
  accountType: RiskAccountType;

  // ── Signal 1: who receives the money ──
  /** The proposal records a third-party settlement (account not in the expected name, with an authorisation). */
  thirdParty: boolean;
  /** The authorisation letter reference recorded for a third-party settlement ("" if none). */
  thirdPartyAuthRef: string;
  /** Normalised names (for evidence: names are allowed there). */
  accountName: string;
  merchantName: string;
  legalRepName: string;
  /** accountName equals the merchant's legal name. */
  accountNameMatchesMerchant: boolean;
  /** accountName equals the legal representative's / operator's name. */
  accountNameMatchesLegalRep: boolean;
  /** Last 4 digits of the proposed account number (display only). */
  accountLast4: string;

  // ── Signal 2 ──
  /** Names of OTHER merchants whose in-force / pending account or open request uses the same account number (by blind index). */
  otherMerchantsWithAccount: string[];

  // ── Signal 3 ──
  /** Card type by the BIN table for a personal account; null for corporate accounts or an unknown BIN. */
  cardType: RiskCardType | null;

  // ── Signal 4 ──
  /** Receiving-account changes already made for this merchant in the last 90 days (the first account is not a change). */
  accountChangesLast90Days: number;
  /** Whole days since the merchant was onboarded (first approval); null when not yet onboarded. */
  daysSinceOnboarding: number | null;
  /** This request replaces the merchant's receiving account (always false for ONBOARD). */
  changesAccount: boolean;

  // ── Signal 5 ──
  /** This request also changes the phone or the legal representative (always false for ONBOARD). */
  changesContactOrLegalRep: boolean;
  /** Which of them, for the evidence. */
  contactChanges: ContactChangeField[];

  // ── Signal 6 ──
  /** 12-digit CNAPS bank code of the account's branch. */
  cnaps: string;
  /** 6-digit GB/T 2260 division of the business address. */
  divisionCode: string;

  // ── Signal 7 ──
  mcc: string;
  mccRiskLevel: MccRiskLevel;

  // ── Signal 8 ──
  /** The contact number is a mobile number in an MVNO block (162, 165, 167, 170, 171). */
  phoneIsMvno: boolean;
  /** Last 4 digits of the contact number (display only). */
  phoneLast4: string;
  /** Names of OTHER, unrelated merchants (different legal representative) using the same phone. */
  otherMerchantsWithPhone: string[];

  // ── Signal 9 ──
  /** Which of account number, legal representative's ID, credit code are on the watch list. */
  watchListHits: WatchListKind[];
};
