import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FIELD_KINDS,
  FIELD_MESSAGES,
  WARNING_CODES,
  ageOnDate,
  checkCodes,
  checkField,
  cnapsBankCategory,
  cnapsCheckDigit,
  isCanonical,
  merchantNoMcc,
  normalizeIdentifier,
  normalizeName,
  orgCodeCheckChar,
  residentIdCheckChar,
  upgradeLegacy15,
  usccCheckChar,
  usccEntityType,
  USCC_AUTHORITY_TYPES,
  USCC_CHARSET,
  type FieldCheck,
  type FieldKind,
} from "./index";

const DIGITS = "0123456789";
const PROVINCES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"];
const chars = (alphabet: string, n: number) =>
  fc.array(fc.constantFrom(...alphabet.split("")), { minLength: n, maxLength: n }).map((a) => a.join(""));
const division = fc.tuple(fc.constantFrom(...PROVINCES), chars(DIGITS, 4)).map(([p, rest]) => p + rest);

const validUscc = fc
  .tuple(fc.constantFrom(...Object.keys(USCC_AUTHORITY_TYPES)), fc.nat(), division, chars(USCC_CHARSET, 8))
  .map(([authority, n, region, org]) => {
    const types = USCC_AUTHORITY_TYPES[authority] ?? "";
    const body = authority + types.charAt(n % types.length) + region + org + (orgCodeCheckChar(org) ?? "");
    return body + (usccCheckChar(body) ?? "");
  });
const birthDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2015-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ""));
const validResidentId = fc.tuple(division, birthDate, chars(DIGITS, 3)).map(([div, birth, seq]) => {
  const body = div + birth + seq;
  return body + (residentIdCheckChar(body) ?? "");
});
const validCnaps = chars(DIGITS, 11).map((body) => body + (cnapsCheckDigit(body) ?? ""));

/** Every value differing from `value` in exactly one position, by another allowed character. */
function substitutions(value: string, alphabetAt: (i: number) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    for (const c of alphabetAt(i)) if (c !== value[i]) out.push(value.slice(0, i) + c + value.slice(i + 1));
  }
  return out;
}

function expectWellFormed(r: FieldCheck): void {
  expect(typeof r.ok).toBe("boolean");
  expect(Array.isArray(r.warnings)).toBe(true);
  for (const w of r.warnings) expect(WARNING_CODES as readonly string[]).toContain(w);
  if (r.ok) {
    expect(typeof r.normalized).toBe("string");
    expect(r.code).toBeUndefined();
  } else {
    expect(checkCodes as readonly string[]).toContain(r.code);
    expect(r.warnings).toEqual([]);
  }
}

/** Characters that reach the deeper branches: digits, letters, X/x, separators, full-width, +. */
const interesting = fc.string({
  unit: fc.constantFrom(..."0123456789ABXYZaxz -+\t\u3000０９ＡＸｘ－＋（）.O I".split("")),
  maxLength: 24,
});

describe("normalisation", () => {
  it("normalizeIdentifier is idempotent (all option combinations)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), interesting), fc.boolean(), fc.boolean(), (s, keepHyphens, upperCase) => {
        const once = normalizeIdentifier(s, { keepHyphens, upperCase });
        expect(normalizeIdentifier(once, { keepHyphens, upperCase })).toBe(once);
      }),
    );
  });
  it("normalizeName is idempotent and never changes Chinese characters", () => {
    const cjk = (s: string) => (s.match(/[\u3400-\u9FFF]/g) ?? []).join("");
    const nameish = fc.string({ unit: fc.constantFrom(..."北京朝阳某某有限公司（）() \t\u3000ＡＢａ１.".split("")) });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), nameish), (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
        expect(cjk(once)).toBe(cjk(s));
      }),
    );
  });
  it("folds full-width, removes spaces/tabs/U+3000/-, upper-cases", () => {
    expect(normalizeIdentifier(" ９１３５\u3000０１００-ｍ０００\t１００ｙ４３ ")).toBe("91350100M000100Y43");
    expect(normalizeIdentifier("abc-d", { keepHyphens: true, upperCase: false })).toBe("abc-d");
    expect(normalizeName("  北京某某（朝阳）\t\u3000有限公司 ")).toBe("北京某某(朝阳) 有限公司");
    expect(normalizeName("ＡＢＣ  Trading（Shanghai）Co.")).toBe("ABC Trading(Shanghai)Co.");
  });
});

describe("single-character substitutions are rejected", () => {
  it("USCC", () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(checkField("uscc", code)).toEqual({ ok: true, normalized: code, warnings: [] });
        for (const bad of substitutions(code, () => USCC_CHARSET)) expect(checkField("uscc", bad).ok, bad).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
  it("resident ID", () => {
    fc.assert(
      fc.property(validResidentId, (id) => {
        expect(checkField("residentId", id)).toEqual({ ok: true, normalized: id, warnings: [] });
        const alphabet = (i: number) => (i === 17 ? `${DIGITS}X` : DIGITS);
        for (const bad of substitutions(id, alphabet)) expect(checkField("residentId", bad).ok, bad).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
  it("CNAPS code", () => {
    fc.assert(
      fc.property(validCnaps, (code) => {
        expect(checkField("cnaps", code)).toEqual({ ok: true, normalized: code, warnings: [] });
        for (const bad of substitutions(code, () => DIGITS)) expect(checkField("cnaps", bad).ok, bad).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe("checkField never throws", () => {
  const kind = fc.constantFrom(...FIELD_KINDS);
  it("on fc.anything()", () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true,
      withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true });
    fc.assert(fc.property(kind, anything, (k, v) => expectWellFormed(checkField(k, v))));
  });
  it("on binary, grapheme and separator-heavy strings; accepted values re-check to themselves", () => {
    fc.assert(
      fc.property(kind, fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), interesting), (k, s) => {
        const r = checkField(k, s);
        expectWellFormed(r);
        if (r.ok) expect(checkField(k, r.normalized).normalized).toBe(r.normalized);
      }),
      { numRuns: 300 },
    );
  });
  it("on hostile values and a 10 MB string", () => {
    const hostile: unknown[] = [
      "9".repeat(10 * 1024 * 1024), " ".repeat(10 * 1024 * 1024), { toString: () => { throw new Error("x"); } },
      new Proxy({}, { get: () => { throw new Error("x"); }, getPrototypeOf: () => { throw new Error("x"); } }),
      Symbol("s"), 13800138000, 1n, NaN, Object.create(null), new String("13800138000"), ["13800138000"],
      "\uD800", "\uDFFF\uD800", "\u0000", "𝟏𝟑𝟖", "١٣٨", "ſ", "ı",
    ];
    for (const k of FIELD_KINDS) for (const v of hostile) expectWellFormed(checkField(k, v));
    expect(checkField("mobile", "1".repeat(10 * 1024 * 1024))).toEqual({ ok: false, code: "TOO_LONG", warnings: [] });
    expect(checkField("mobile", 13800138000).code).toBe("NOT_TEXT");
    expect(checkField("mobile", null).code).toBe("EMPTY");
    expect(checkField("mobile", " \u3000-\t").code).toBe("EMPTY");
    expect(checkField("nope" as FieldKind, "1").code).toBe("UNKNOWN_FIELD");
  });
});

describe("USCC", () => {
  it("standard worked example 91350100M000100Y43", () => {
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [..."91350100M000100Y4"].reduce((acc, c, i) => acc + USCC_CHARSET.indexOf(c) * (weights[i] ?? 0), 0);
    expect([sum, sum % 31]).toEqual([1640, 28]);
    expect(usccCheckChar("91350100M000100Y4")).toBe("3");
    expect(orgCodeCheckChar("M000100Y")).toBe("4");
    expect(checkField("uscc", "91350100M000100Y43")).toEqual({ ok: true, normalized: "91350100M000100Y43", warnings: [] });
    expect(checkField("uscc", " 9135 0100 m000 100y 43")).toMatchObject({ ok: true, normalized: "91350100M000100Y43" });
    expect(checkField("uscc", "91350100M000100Y4Z")).toMatchObject({ ok: false, code: "BAD_CHARSET" });
    expect(usccEntityType("91350100M000100Y43")).toBe("enterprise");
  });
  it("a '-' standing in for a character is BAD_CHARSET; '-' as a separator is removed", () => {
    expect(checkField("uscc", "31130102-4T604DG5R")).toMatchObject({ ok: false, code: "BAD_CHARSET" });
    expect(checkField("uscc", "3113-0102-14T6-04DG-5R")).toMatchObject({ ok: true, normalized: "3113010214T604DG5R" });
    expect(checkField("uscc", "3113-0102-14T6-04DG-5")).toMatchObject({ ok: false, code: "BAD_LENGTH" });
  });
});

describe("resident ID", () => {
  it("legacy 15-digit number is accepted with a warning and upgraded to 18", () => {
    expect(upgradeLegacy15("530102591103205")).toBe("53010219591103205X");
    expect(checkField("residentId", "530102591103205")).toEqual({ ok: true, normalized: "53010219591103205X", warnings: ["LEGACY_15"] });
    expect(checkField("residentId", "53010219591103205x")).toEqual({ ok: true, normalized: "53010219591103205X", warnings: [] });
    expect(checkField("residentId", "530102591103205", { allowLegacy15: false }).code).toBe("LEGACY15_NOT_ALLOWED");
    expect(checkField("residentId", "810000591103205").code).toBe("BAD_REGION"); // permits never had 15 digits
  });
  it("birth date: real, from 1900, not after today (China time)", () => {
    const id = (birth: string) => { const b = `110105${birth}123`; return b + (residentIdCheckChar(b) ?? ""); };
    expect(checkField("residentId", id("19000101")).ok).toBe(true);
    expect(checkField("residentId", id("18991231")).code).toBe("BAD_DATE");
    expect(checkField("residentId", id("21000229")).code).toBe("BAD_DATE");
    expect(id("20240102")).toBe("110105202401021231");
    expect(checkField("residentId", id("20240102"), { today: new Date("2024-01-01T12:00:00+08:00") }).code).toBe("FUTURE_DATE");
    expect(checkField("residentId", id("20240102"), { today: new Date("2024-01-01T16:00:00Z") }).ok).toBe(true);
  });
  it("ageOnDate gives whole years for the ≥16 rule", () => {
    expect(ageOnDate("110101200806151232", "2024-06-14")).toBe(15);
    expect(ageOnDate("110101200806151232", "2024-06-15")).toBe(16);
    expect(ageOnDate("110101200806151232", new Date("2024-06-14T16:30:00Z"))).toBe(16); // 00:30 on 15 June in China
    expect(ageOnDate("110101200402291239", "2021-02-28")).toBe(16); // 29 Feb birthday reached on 1 March
    expect(ageOnDate("110101200402291239", "2021-03-01")).toBe(17);
    expect(ageOnDate("430102671115427", "2024-11-15")).toBe(57); // legacy 15-digit
    expect(ageOnDate("110101200806151233", "2024-06-15")).toBeNull(); // bad check digit
    expect(ageOnDate("110101200806151232", "2024-02-30")).toBeNull();
    expect(ageOnDate("110101200806151232", new Date(NaN))).toBeNull();
  });
});

describe("other kinds", () => {
  it("bank card: Luhn failure is a warning; length and digits are errors", () => {
    expect(checkField("bankCard", "6224 2646 5925 7975")).toEqual({ ok: true, normalized: "6224264659257975", warnings: [] });
    expect(checkField("bankCard", "6224264659257972")).toEqual({ ok: true, normalized: "6224264659257972", warnings: ["LUHN_CHECK"] });
    expect(checkField("bankCard", "622426465925797").code).toBe("BAD_LENGTH"); // UnionPay 62… is 16–19
    expect(checkField("bankCard", "62242646592579751234").code).toBe("BAD_LENGTH");
    expect(checkField("bankCard", "6224264659257A75").code).toBe("NON_DIGIT");
  });
  it("corporate account, CNAPS, mobile, fixed line, merchant number, terminal ID, MCC", () => {
    expect(checkField("corporateAccount", "1202-0219-0900-1234-567")).toMatchObject({ ok: true, normalized: "1202021909001234567" });
    expect(checkField("corporateAccount", "1234567").code).toBe("BAD_LENGTH");
    expect(checkField("corporateAccount", "1".repeat(31)).code).toBe("BAD_LENGTH");
    expect(cnapsBankCategory("102100027966")).toBe("102");
    expect(checkField("mobile", "+86 138-2955-4219")).toMatchObject({ ok: true, normalized: "13829554219" });
    expect(checkField("mobile", "13490012345").warnings).toEqual(["SATELLITE_SEGMENT"]);
    expect(checkField("mobile", "16190012345").warnings).toEqual(["SATELLITE_SEGMENT"]);
    expect(checkField("fixedLine", "400-797-8871")).toEqual({ ok: true, normalized: "4007978871", warnings: ["SERVICE_400_800"] });
    expect(checkField("fixedLine", "０５７１－８８８８８８８８")).toMatchObject({ ok: true, normalized: "057188888888" });
    expect(checkField("fixedLine", "057188888888").ok).toBe(true);
    expect(merchantNoMcc("104651057324924")).toBe("5732");
    expect(merchantNoMcc("10465105732492")).toBeNull();
    expect(checkField("terminalId", "rvpyml0y").code).toBe("BAD_CHARSET"); // case-significant
    expect(checkField("mcc", "５４１１")).toMatchObject({ ok: true, normalized: "5411" });
    expect(checkField("mcc", "541").code).toBe("BAD_LENGTH");
    expect(checkField("mcc", "54A1").code).toBe("NON_DIGIT");
    expect(isCanonical("mcc", "5411")).toBe(true);
    expect(isCanonical("mcc", " 5411")).toBe(false);
  });
});

describe("codes and messages", () => {
  it("every code has a specific zh-CN and en message", () => {
    const seen = new Set<string>();
    for (const code of checkCodes) {
      const m = FIELD_MESSAGES[code];
      expect(m["zh-CN"]).toMatch(/[\u4E00-\u9FFF]/);
      expect(m.en.length).toBeGreaterThan(10);
      expect(seen.has(m.en) || seen.has(m["zh-CN"])).toBe(false);
      seen.add(m.en).add(m["zh-CN"]);
    }
    expect(Object.keys(FIELD_MESSAGES).sort()).toEqual([...checkCodes].sort());
  });
  it("the module is pure: non-test files import only sibling modules", () => {
    const dir = new URL(".", import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = readFileSync(new URL(file, dir), "utf8");
      for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[\w-]+$/);
      }
    }
  });
});
