import { describe, expect, it } from "vitest";
import {
  cnapsAreaProvinces,
  evaluateRisk,
  RISK_CODES,
  RISK_MESSAGES,
  ruleBankAreaMismatch,
  ruleMvnoContactNumber,
  rulePersonalAccountHighRiskMcc,
  rulePhoneShared,
  ruleWatchList,
  ZRiskFlags,
} from "./index";
import { T, cnaps, facts, personal, update } from "./risk-facts-fixture";

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
