import { describe, expect, it } from "vitest";
import { bankCategoryOf, BANK_CATEGORIES } from "./bank-categories";
import { citiesOf, districtsOf, divisionFullName, divisionName, divisionPath, isAddressDivision, isKnownDivision, provinces } from "./divisions";
import { MCC_LIST } from "./mcc-list";

describe("seed tables", () => {
  it("MCC codes are unique 4-digit codes with both names and a risk level", () => {
    expect(new Set(MCC_LIST.map((m) => m.code)).size).toBe(MCC_LIST.length);
    for (const m of MCC_LIST) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(m.nameZh.trim()).not.toBe("");
      expect(m.nameEn.trim()).not.toBe("");
      expect([0, 1, 2]).toContain(m.riskLevel);
    }
    const risk = Object.fromEntries(MCC_LIST.map((m) => [m.code, m.riskLevel]));
    expect(risk).toMatchObject({ "5411": 0, "5812": 0, "7995": 2, "4829": 2, "6051": 2, "5933": 2, "7273": 1, "5999": 1 });
  });

  it("bank categories are unique 3-digit codes", () => {
    expect(new Set(BANK_CATEGORIES.map((b) => b.code)).size).toBe(BANK_CATEGORIES.length);
    for (const b of BANK_CATEGORIES) expect(b.code).toMatch(/^\d{3}$/);
    expect(bankCategoryOf("102")?.nameZh).toBe("中国工商银行");
    expect(bankCategoryOf("999")).toBeUndefined();
    expect(bankCategoryOf(null)).toBeUndefined();
  });
});

describe("divisions", () => {
  it("walks province → city → district with 6-digit codes", () => {
    expect(provinces()).toHaveLength(31);
    expect(provinces()[0]).toEqual({ code: "110000", name: "北京市", level: 1 });
    expect(citiesOf("440000").map((c) => c.code)).toContain("440300");
    expect(districtsOf("440300").find((d) => d.code === "440305")?.name).toBe("南山区");
    expect(citiesOf("440300")).toEqual([]);
    expect(districtsOf("999900")).toEqual([]);
  });

  it("names, paths and address names", () => {
    expect(divisionName("440305")).toBe("南山区");
    expect(divisionName("000000")).toBeUndefined();
    expect(divisionPath("440305").map((d) => d.name)).toEqual(["广东省", "深圳市", "南山区"]);
    expect(divisionFullName("110101")).toBe("北京市东城区");
    expect(divisionFullName("429004")).toBe("湖北省仙桃市");
    expect(divisionFullName("441900")).toBe("广东省东莞市");
  });

  it("knows which codes may be a merchant's divisionCode", () => {
    expect(isKnownDivision("110000") && isKnownDivision("110100") && isKnownDivision("110101")).toBe(true);
    expect(isKnownDivision("110199")).toBe(false);
    expect(isKnownDivision("11")).toBe(false);
    expect(isAddressDivision("110101")).toBe(true);
    expect(isAddressDivision("441900")).toBe(true); // 东莞: no districts
    expect(districtsOf("441900")).toEqual([]); // its towns (9 digits) are not divisions here
    expect(isAddressDivision("110100")).toBe(false); // 市辖区 groups districts
    expect(isAddressDivision("440300")).toBe(false);
    expect(isAddressDivision("440000")).toBe(false);
    expect(isAddressDivision("x")).toBe(false);
  });
});
