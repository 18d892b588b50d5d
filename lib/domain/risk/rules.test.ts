import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings/settings-schema";
import { cnapsCheckDigit } from "@/lib/domain/validation/cnaps";
import {
  cnapsAreaProvinces,
  evaluateRisk,
  RISK_CODES,
  RISK_MESSAGES,
  ruleAccountAndContactChange,
  ruleAccountName,
  ruleBankAreaMismatch,
  ruleCardType,
  ruleChangeSoonAfterOnboarding,
  ruleFrequentAccountChanges,
  ruleMvnoContactNumber,
  rulePersonalAccountForEnterprise,
  rulePersonalAccountHighRiskMcc,
  rulePhoneShared,
  ruleSharedAccount,
  ruleWatchList,
  ZRiskFlags,
  type RiskFacts,
  type RiskThresholds,
} from "./index";

const T: RiskThresholds = DEFAULT_SETTINGS.risk; // maxAccountChanges90d 2, newMerchantDays 30, sharedAccountMerchants 1, sharedPhoneMerchants 2

function cnaps(bank: string, area: string, branch = "0001") {
  const body = `${bank}${area}${branch}`;
  return body + cnapsCheckDigit(body);
}

/** A clean enterprise onboarding in Fuzhou with a Fuzhou ICBC branch: no rule fires. */
function facts(overrides: Partial<RiskFacts> = {}): RiskFacts {
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
const personal = (o: Partial<RiskFacts> = {}) =>
  facts({ merchantType: "INDIVIDUAL_BUSINESS", accountType: "PERSONAL", accountName: "林测试", accountNameMatchesMerchant: false, accountNameMatchesLegalRep: true, cardType: "DEBIT", ...o });

/** An UPDATE of a merchant onboarded long ago. */
const update = (o: Partial<RiskFacts> = {}) => facts({ kind: "UPDATE", daysSinceOnboarding: 400, ...o });

describe("baseline", () => {
  it("a clean application raises no flag and is not high risk", () => {
    expect(evaluateRisk(facts(), T)).toEqual({ flags: [], highRisk: false });
    expect(evaluateRisk(personal(), T)).toEqual({ flags: [], highRisk: false });
    expect(evaluateRisk(update(), T)).toEqual({ flags: [], highRisk: false });
  });
});

describe("1. account name / third-party settlement", () => {
  it("third-party settlement is always high, with names and the authorisation reference as evidence", () => {
    const f = personal({ thirdParty: true, thirdPartyAuthRef: "AUTH-2024-001", accountName: "王代收", accountNameMatchesLegalRep: false });
    expect(ruleAccountName(f)).toEqual({
      code: "THIRD_PARTY_SETTLEMENT",
      severity: "high",
      evidence: { accountName: "王代收", merchantName: "福州测试贸易有限公司", legalRepName: "林测试", accountType: "PERSONAL", authRef: "AUTH-2024-001" },
    });
  });

  it("a corporate account not in the legal name (no third-party marker) is a mismatch", () => {
    expect(ruleAccountName(facts({ accountName: "别家公司", accountNameMatchesMerchant: false }))?.code).toBe("ACCOUNT_NAME_MISMATCH");
    expect(ruleAccountName(facts({ accountName: "别家公司", accountNameMatchesMerchant: false }))?.severity).toBe("high");
  });

  it("a personal account not in the legal representative's name is a mismatch, even if it carries the merchant's name", () => {
    expect(ruleAccountName(personal({ accountNameMatchesLegalRep: false, accountNameMatchesMerchant: true }))?.code).toBe("ACCOUNT_NAME_MISMATCH");
  });

  it("does not fire when the name is the expected one", () => {
    expect(ruleAccountName(facts())).toBeNull();
    expect(ruleAccountName(personal())).toBeNull();
    // A corporate account must match the legal name; matching the legal rep alone is not enough.
    expect(ruleAccountName(facts({ accountNameMatchesMerchant: false, accountNameMatchesLegalRep: true }))?.code).toBe("ACCOUNT_NAME_MISMATCH");
  });

  it("personal account for an enterprise is high; individual business and micro-merchants may use one", () => {
    expect(rulePersonalAccountForEnterprise(facts({ accountType: "PERSONAL" }))).toMatchObject({ code: "PERSONAL_ACCOUNT_FOR_ENTERPRISE", severity: "high" });
    expect(rulePersonalAccountForEnterprise(personal())).toBeNull();
    expect(rulePersonalAccountForEnterprise(personal({ merchantType: "MICRO" }))).toBeNull();
    expect(rulePersonalAccountForEnterprise(facts())).toBeNull();
  });
});

describe("2. account shared with other merchants", () => {
  it("fires at the threshold with the other merchants' names and count", () => {
    const flag = ruleSharedAccount(facts({ otherMerchantsWithAccount: ["甲公司"] }), T);
    expect(flag).toEqual({ code: "ACCOUNT_SHARED", severity: "high", evidence: { accountLast4: "1234", otherMerchantCount: 1, otherMerchants: ["甲公司"], threshold: 1 } });
  });

  it("does not fire below the threshold", () => {
    expect(ruleSharedAccount(facts(), T)).toBeNull();
    const t3 = { ...T, sharedAccountMerchants: 3 };
    expect(ruleSharedAccount(facts({ otherMerchantsWithAccount: ["甲", "乙"] }), t3)).toBeNull();
    expect(ruleSharedAccount(facts({ otherMerchantsWithAccount: ["甲", "乙", "丙"] }), t3)?.code).toBe("ACCOUNT_SHARED");
  });

  it("caps the names in evidence but keeps the full count", () => {
    const many = Array.from({ length: 25 }, (_, i) => `商户${i}`);
    const flag = ruleSharedAccount(facts({ otherMerchantsWithAccount: many }), T);
    expect(flag?.evidence.otherMerchantCount).toBe(25);
    expect(flag?.evidence.otherMerchants).toHaveLength(10);
  });
});

describe("3. card type", () => {
  it("a credit card is high", () => {
    expect(ruleCardType(personal({ cardType: "CREDIT" }))).toEqual({ code: "CREDIT_CARD_ACCOUNT", severity: "high", evidence: { accountLast4: "1234", cardType: "CREDIT" } });
  });

  it("a prepaid card is medium", () => {
    expect(ruleCardType(personal({ cardType: "PREPAID" }))).toMatchObject({ code: "PREPAID_CARD_ACCOUNT", severity: "medium" });
  });

  it("a debit card, an unknown BIN or a corporate account does not fire", () => {
    expect(ruleCardType(personal({ cardType: "DEBIT" }))).toBeNull();
    expect(ruleCardType(personal({ cardType: null }))).toBeNull();
    expect(ruleCardType(facts({ cardType: "CREDIT" }))).toBeNull();
  });
});

describe("4a. account changes in 90 days", () => {
  it("fires when this change makes the count exceed the threshold", () => {
    // 2 earlier + this one = 3 > 2
    expect(ruleFrequentAccountChanges(update({ changesAccount: true, accountChangesLast90Days: 2 }), T)).toEqual({
      code: "FREQUENT_ACCOUNT_CHANGES",
      severity: "medium",
      evidence: { changesIn90Days: 3, previousChanges: 2, threshold: 2 },
    });
  });

  it("does not fire at the threshold itself, or when the request does not change the account", () => {
    expect(ruleFrequentAccountChanges(update({ changesAccount: true, accountChangesLast90Days: 1 }), T)).toBeNull(); // 2 = 2
    expect(ruleFrequentAccountChanges(update({ changesAccount: false, accountChangesLast90Days: 5 }), T)).toBeNull();
    expect(ruleFrequentAccountChanges(update({ changesAccount: true, accountChangesLast90Days: 0 }), { ...T, maxAccountChanges90d: 1 })).toBeNull();
    expect(ruleFrequentAccountChanges(update({ changesAccount: true, accountChangesLast90Days: 1 }), { ...T, maxAccountChanges90d: 1 })?.code).toBe("FREQUENT_ACCOUNT_CHANGES");
  });
});

describe("4b. change soon after onboarding", () => {
  it("fires for an account change within N days (one day before the edge)", () => {
    expect(ruleChangeSoonAfterOnboarding(update({ changesAccount: true, daysSinceOnboarding: 29 }), T)).toEqual({
      code: "CHANGE_SOON_AFTER_ONBOARDING",
      severity: "medium",
      evidence: { daysSinceOnboarding: 29, threshold: 30 },
    });
    expect(ruleChangeSoonAfterOnboarding(update({ changesAccount: true, daysSinceOnboarding: 0 }), T)?.code).toBe("CHANGE_SOON_AFTER_ONBOARDING");
  });

  it("does not fire from day N on, for non-account changes, for onboarding, or when N is 0", () => {
    expect(ruleChangeSoonAfterOnboarding(update({ changesAccount: true, daysSinceOnboarding: 30 }), T)).toBeNull();
    expect(ruleChangeSoonAfterOnboarding(update({ changesAccount: false, daysSinceOnboarding: 1 }), T)).toBeNull();
    expect(ruleChangeSoonAfterOnboarding(facts({ changesAccount: true, daysSinceOnboarding: null }), T)).toBeNull();
    expect(ruleChangeSoonAfterOnboarding(update({ changesAccount: true, daysSinceOnboarding: 0 }), { ...T, newMerchantDays: 0 })).toBeNull();
  });
});

describe("5. account change with phone / legal representative change", () => {
  it("fires high, naming the changed fields", () => {
    expect(ruleAccountAndContactChange(update({ changesAccount: true, changesContactOrLegalRep: true, contactChanges: ["phone", "legalRep"] }))).toEqual({
      code: "ACCOUNT_AND_CONTACT_CHANGE",
      severity: "high",
      evidence: { accountLast4: "1234", changedFields: ["phone", "legalRep"] },
    });
  });

  it("does not fire for either change alone", () => {
    expect(ruleAccountAndContactChange(update({ changesAccount: true }))).toBeNull();
    expect(ruleAccountAndContactChange(update({ changesContactOrLegalRep: true, contactChanges: ["phone"] }))).toBeNull();
  });
});

describe("6. bank area vs business location", () => {
  it("maps CNAPS area codes to provinces, Chongqing inside Sichuan's range, unknown as null", () => {
    expect(cnapsAreaProvinces("1000")).toEqual(["11"]);
    expect(cnapsAreaProvinces("5840")).toEqual(["44"]);
    expect(cnapsAreaProvinces("6530")).toEqual(["50"]);
    expect(cnapsAreaProvinces("6510")).toEqual(["51", "50"]);
    expect(cnapsAreaProvinces("9900")).toBeNull();
    expect(cnapsAreaProvinces("15AB")).toBeNull();
  });

  it("fires when a Beijing branch settles for a Fuzhou business", () => {
    expect(ruleBankAreaMismatch(facts({ cnaps: cnaps("102", "1000") }))).toEqual({
      code: "BANK_AREA_MISMATCH",
      severity: "low",
      evidence: { bankAreaCode: "1000", bankProvinces: ["11"], businessDivision: "350102", businessProvince: "35" },
    });
    expect(ruleBankAreaMismatch(facts({ cnaps: cnaps("102", "6530"), divisionCode: "510104" }))?.code).toBe("BANK_AREA_MISMATCH");
  });

  it("does not fire in the same province, for the ambiguous Sichuan/Chongqing range, or when the area is unknown", () => {
    expect(ruleBankAreaMismatch(facts())).toBeNull();
    expect(ruleBankAreaMismatch(facts({ cnaps: cnaps("102", "3930") }))).toBeNull(); // 厦门, still Fujian
    expect(ruleBankAreaMismatch(facts({ cnaps: cnaps("102", "5840"), divisionCode: "440305" }))).toBeNull();
    expect(ruleBankAreaMismatch(facts({ cnaps: cnaps("102", "6530"), divisionCode: "500103" }))).toBeNull();
    expect(ruleBankAreaMismatch(facts({ cnaps: cnaps("102", "6690"), divisionCode: "500102" }))).toBeNull();
    expect(ruleBankAreaMismatch(facts({ cnaps: cnaps("102", "9900") }))).toBeNull();
    expect(ruleBankAreaMismatch(facts({ cnaps: "not-a-cnaps" }))).toBeNull();
    expect(ruleBankAreaMismatch(facts({ divisionCode: "35" }))).toBeNull();
  });
});

describe("7. personal account with a high-risk MCC", () => {
  it("fires for risk level 2", () => {
    expect(rulePersonalAccountHighRiskMcc(personal({ mcc: "7995", mccRiskLevel: 2 }))).toEqual({
      code: "PERSONAL_ACCOUNT_HIGH_RISK_MCC",
      severity: "medium",
      evidence: { mcc: "7995", mccRiskLevel: 2, accountLast4: "1234" },
    });
  });

  it("does not fire for level 1, or for a corporate account", () => {
    expect(rulePersonalAccountHighRiskMcc(personal({ mccRiskLevel: 1 }))).toBeNull();
    expect(rulePersonalAccountHighRiskMcc(facts({ mccRiskLevel: 2 }))).toBeNull();
  });
});

describe("8. contact number", () => {
  it("an MVNO number fires low", () => {
    expect(ruleMvnoContactNumber(facts({ phoneIsMvno: true }))).toEqual({ code: "MVNO_CONTACT_NUMBER", severity: "low", evidence: { phoneLast4: "9903" } });
    expect(ruleMvnoContactNumber(facts())).toBeNull();
  });

  it("a phone on unrelated merchants fires at the threshold, not below", () => {
    expect(rulePhoneShared(facts({ otherMerchantsWithPhone: ["甲"] }), T)).toBeNull();
    expect(rulePhoneShared(facts({ otherMerchantsWithPhone: ["甲", "乙"] }), T)).toEqual({
      code: "PHONE_SHARED",
      severity: "medium",
      evidence: { phoneLast4: "9903", otherMerchantCount: 2, otherMerchants: ["甲", "乙"], threshold: 2 },
    });
    expect(rulePhoneShared(facts({ otherMerchantsWithPhone: ["甲"] }), { ...T, sharedPhoneMerchants: 1 })?.code).toBe("PHONE_SHARED");
  });
});

describe("9. watch list", () => {
  it("any hit is high, listing the kinds once each", () => {
    expect(ruleWatchList(facts({ watchListHits: ["ACCOUNT_NO", "CREDIT_CODE", "ACCOUNT_NO"] }))).toEqual({ code: "WATCH_LIST_HIT", severity: "high", evidence: { kinds: ["ACCOUNT_NO", "CREDIT_CODE"] } });
    expect(ruleWatchList(facts({ watchListHits: ["RESIDENT_ID"] }))?.severity).toBe("high");
  });

  it("no hit, no flag", () => {
    expect(ruleWatchList(facts())).toBeNull();
  });
});

describe("evaluateRisk", () => {
  it("is high risk when any flag is high, and lists high flags first", () => {
    const result = evaluateRisk(personal({ phoneIsMvno: true, cardType: "CREDIT", mccRiskLevel: 2 }), T);
    expect(result.highRisk).toBe(true);
    expect(result.flags.map((f) => f.code)).toEqual(["CREDIT_CARD_ACCOUNT", "PERSONAL_ACCOUNT_HIGH_RISK_MCC", "MVNO_CONTACT_NUMBER"]);
  });

  it("is not high risk with only medium and low flags", () => {
    const result = evaluateRisk(facts({ phoneIsMvno: true, otherMerchantsWithPhone: ["甲", "乙"], cnaps: cnaps("102", "1000") }), T);
    expect(result.flags.map((f) => f.code)).toEqual(["PHONE_SHARED", "BANK_AREA_MISMATCH", "MVNO_CONTACT_NUMBER"]);
    expect(result.highRisk).toBe(false);
  });

  it("a takeover-style update raises every matching flag", () => {
    const result = evaluateRisk(update({ changesAccount: true, daysSinceOnboarding: 5, accountChangesLast90Days: 2, changesContactOrLegalRep: true, contactChanges: ["phone"] }), T);
    expect(result.flags.map((f) => f.code).sort()).toEqual(["ACCOUNT_AND_CONTACT_CHANGE", "CHANGE_SOON_AFTER_ONBOARDING", "FREQUENT_ACCOUNT_CHANGES"]);
    expect(result.highRisk).toBe(true);
  });

  it("flags survive a JSON round trip and parse back", () => {
    const { flags } = evaluateRisk(facts({ thirdParty: true, watchListHits: ["CREDIT_CODE"], otherMerchantsWithAccount: ["甲"] }), T);
    expect(ZRiskFlags.parse(JSON.parse(JSON.stringify(flags)))).toEqual(flags);
  });

  it("never puts more than 4 consecutive digits of an account into evidence", () => {
    const { flags } = evaluateRisk(
      personal({ thirdParty: true, cardType: "CREDIT", mccRiskLevel: 2, otherMerchantsWithAccount: ["甲"], changesAccount: true, kind: "UPDATE", daysSinceOnboarding: 1, changesContactOrLegalRep: true, contactChanges: ["phone"], watchListHits: ["ACCOUNT_NO"] }),
      T,
    );
    const text = JSON.stringify(flags.map((f) => f.evidence));
    expect(text).not.toMatch(/\d{5,}/);
  });
});

describe("RISK_MESSAGES", () => {
  it("explains every code in both languages", () => {
    for (const code of RISK_CODES) {
      expect(RISK_MESSAGES[code]["zh-CN"].length).toBeGreaterThan(10);
      expect(RISK_MESSAGES[code].en.length).toBeGreaterThan(10);
    }
    expect(Object.keys(RISK_MESSAGES).sort()).toEqual([...RISK_CODES].sort());
  });
});
