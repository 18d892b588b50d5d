import { describe, expect, it } from "vitest";
import {
  evaluateRisk,
  ruleAccountAndContactChange,
  ruleAccountName,
  ruleCardType,
  ruleChangeSoonAfterOnboarding,
  ruleFrequentAccountChanges,
  rulePersonalAccountForEnterprise,
  ruleSharedAccount,
} from "./index";
import { T, facts, personal, update } from "./risk-facts-fixture";

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
