import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMerchantNo } from "./merchant-no";
import { checkTerminalId } from "./terminal-id";
import { fail, pass } from "./codes";
import { foldFullWidth, isAsciiDigits, isDigitsOrUpperAscii, normalizeIdentifier, normalizeName } from "./normalize";

// The fast paths (decision 039) must return exactly what the full normalisation returns.
const fullName = (raw: string) => foldFullWidth(raw.replace(/[\u200B\u2060\uFEFF]/g, "")).replace(/\s+/g, " ").trim();

const everyCodeUnit = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));

describe("normalizeName's fast path", () => {
  it("agrees with the full normalisation on every UTF-16 code unit, alone, inside, at the ends and after a space", () => {
    for (const c of everyCodeUnit) {
      for (const raw of [c, `a${c}b`, `${c}ab`, `ab${c}`, `a ${c}b`, `a${c}${c}b`]) {
        if (normalizeName(raw) !== fullName(raw)) expect({ raw, got: normalizeName(raw) }).toEqual({ raw, got: fullName(raw) });
      }
    }
  });

  it("agrees with the full normalisation on random names", () => {
    const pieces = fc.constantFrom("商户", "ＡＢＣ", "abc", " ", "  ", "\u3000", "\u200B", "\u200C", "\t", "\n", "（", "）", "\u00A0", "\uFEFF", "😀", "\u0001", "\u0085", "\u180E");
    fc.assert(fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
      const raw = parts.join("");
      expect(normalizeName(raw)).toBe(fullName(raw));
    }), { numRuns: 5000 });
  });

  it("returns a name with single inner spaces as it is", () => {
    expect(normalizeName("张记面馆 南京路店")).toBe("张记面馆 南京路店");
    expect(normalizeName("Ab Cd (Shanghai)")).toBe("Ab Cd (Shanghai)");
    expect(normalizeName(" Ab  Cd ")).toBe("Ab Cd");
  });
});

describe("isAsciiDigits / isDigitsOrUpperAscii", () => {
  it("agree with the regexes they replace on every UTF-16 code unit", () => {
    const differ = everyCodeUnit.filter((c) =>
      isAsciiDigits(`1${c}2`) !== /^\d*$/.test(`1${c}2`) || isDigitsOrUpperAscii(`A${c}9`) !== /^[0-9A-Z]*$/.test(`A${c}9`));
    expect(differ).toEqual([]);
  });

  it("look only at the range asked for", () => {
    expect(isAsciiDigits("")).toBe(true);
    expect(isAsciiDigits("ab123cd", 2, 5)).toBe(true);
    expect(isAsciiDigits("ab123cd", 1, 5)).toBe(false);
    expect(isAsciiDigits("ab123cd", 2, 6)).toBe(false);
    expect(isDigitsOrUpperAscii("")).toBe(true);
    expect(isDigitsOrUpperAscii("T0012345")).toBe(true);
    expect(isDigitsOrUpperAscii("t0012345")).toBe(false);
  });
});

describe("normalizeIdentifier", () => {
  it("returns digits and upper-case ASCII as they are, and normalises anything else as before", () => {
    const full = (raw: string) =>
      foldFullWidth(raw).replace(/[\s\u200B-\u200D\u2060]+/g, "").replace(/[\u2010-\u2015\u2212\uFE63]/g, "-").replace(/-+/g, "");
    expect(everyCodeUnit.filter((c) => normalizeIdentifier(`A${c}1`, { upperCase: false }) !== full(`A${c}1`))).toEqual([]);
  });
});

describe("checkMerchantNo", () => {
  // The checker as it was with regexes: the order of the codes must not change.
  const byRegex = (raw: string) => {
    const s = normalizeIdentifier(raw, { upperCase: false });
    if (s === "") return fail("EMPTY");
    if (s.length !== 15) return fail("BAD_LENGTH", s);
    if (!/^[0-9A-Z]{15}$/.test(s)) return fail("BAD_CHARSET", s);
    if (!/^\d{3}$/.test(s.slice(0, 3))) return fail("BAD_ACQUIRER", s);
    if (!/^\d{4}$/.test(s.slice(7, 11))) return fail("BAD_MCC", s);
    if (!/^\d{4}$/.test(s.slice(11))) return fail("BAD_CHARSET", s);
    return pass(s);
  };

  it("gives the same verdict as the regex checks on random merchant-number-like text", () => {
    const char = fc.constantFrom("0", "1", "9", "A", "Z", "a", "-", " ", "５", "Ａ", "é", "*");
    fc.assert(fc.property(fc.array(char, { minLength: 0, maxLength: 17 }), (chars) => {
      const raw = chars.join("");
      expect(checkMerchantNo(raw)).toEqual(byRegex(raw));
    }), { numRuns: 20000 });
    for (const raw of ["102310058120001", "10231005812000A", "1023100A8120001", "A02310058120001", "102SH0058120001", "102sh0058120001"]) {
      expect(checkMerchantNo(raw)).toEqual(byRegex(raw));
    }
  });
});

describe("checkTerminalId", () => {
  const byRegex = (raw: string) => {
    const s = normalizeIdentifier(raw, { upperCase: false });
    if (s === "") return fail("EMPTY");
    if (s.length !== 8) return fail("BAD_LENGTH", s);
    if (!/^[0-9A-Z]{8}$/.test(s)) return fail("BAD_CHARSET", s);
    return pass(s);
  };

  it("gives the same verdict as the regex check on random terminal-ID-like text", () => {
    const char = fc.constantFrom("0", "9", "A", "T", "Z", "t", "-", " ", "５", "Ｔ", "é", "*");
    fc.assert(fc.property(fc.array(char, { minLength: 0, maxLength: 10 }), (chars) => {
      const raw = chars.join("");
      expect(checkTerminalId(raw)).toEqual(byRegex(raw));
    }), { numRuns: 20000 });
  });
});
