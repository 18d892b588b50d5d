/**
 * Data-driven check of every case in test/fixtures/public-vectors.json (DOMAIN.md §6).
 *
 * How the cases are read:
 * - Plain valid cases: checkField accepts with exactly `warnings` (none if absent) and no raw issue.
 * - Plain invalid cases: checkField rejects with code === `reason`.
 * - WHITESPACE / FULLWIDTH / LOWERCASE / LOWERCASE_X: invalid only as raw strings. `rawIssue` reports
 *   the reason, `isCanonical` is false, and checkField accepts after normalisation — except five
 *   generator artefacts where the space took a character's place (see SPACE_TOOK_A_CHARACTER).
 * - `strict-option` cases show a stricter policy than ours: with the case's `options` checkField gives
 *   the reason; with our defaults the value is accepted with the matching warning. `loose-option`
 *   cases (none in the public half) are the mirror image: accepted with the options, rejected by default.
 * - Country code (mobile): DOMAIN §2 says +86/0086 are stripped, so our default is the vectors'
 *   `allowCountryCode: true`. The "+86… NON_DIGIT, not allowed by default" case holds with
 *   `allowCountryCode: false`; by default it is accepted and stored without +86.
 * - Suite `luhn` tests the bare `luhnValid` (and `luhnCheck` for the reason). The personal bank-card
 *   field (15–19 digits) accepts Luhn failures with warning LUHN_CHECK, and `-` is a separator there.
 * - Merchant number / terminal ID are case-significant (lower case → BAD_CHARSET, as the vectors say).
 */
import { describe, expect, it } from "vitest";
import fixture from "../../../test/fixtures/public-vectors.json";
import { checkCodes, checkField, isCanonical, luhnCheck, luhnValid, rawIssue, type CheckOptions, type FieldKind } from "./index";

type VectorCase = {
  valid: boolean;
  reason: string;
  input: string;
  note?: string;
  warnings?: string[];
  tags?: string[];
  options?: CheckOptions;
};
type Suite = { valid: VectorCase[]; invalid: VectorCase[] };
const suites = (fixture as unknown as { suites: Record<string, Suite> }).suites;

const SUITE_KIND: Record<string, FieldKind> = {
  uscc: "uscc",
  residentId: "residentId",
  cnaps: "cnaps",
  mobile: "mobile",
  fixedLine: "fixedLine",
  merchantNo: "merchantNo",
  terminalId: "terminalId",
  luhn: "bankCard",
};
const NORMALISATION_REASONS = new Set(["WHITESPACE", "FULLWIDTH", "LOWERCASE", "LOWERCASE_X"]);
/** Default-policy warning for each strict-option reason. */
const STRICT_DEFAULT_WARNING: Record<string, string> = {
  ORG_CODE_CHECK: "ORG_CODE_CHECK",
  BAD_REGION: "RESIDENCE_PERMIT",
  LEGACY15_NOT_ALLOWED: "LEGACY_15",
};
/**
 * WHITESPACE cases where the space REPLACED a character (terminal IDs "5736 811" ← 57367811) or was
 * inserted and the value cut back to 15 characters (merchant numbers "8335810 7011194" ←
 * 833581070111949). Removing the space leaves a character missing, so they cannot be accepted:
 * checkField reports BAD_LENGTH. The test proves each is a valid vector minus one character.
 */
const SPACE_TOOK_A_CHARACTER = new Set(["5736 811", "0829 221", "5973 954", "8335810 7011194", "8331000 5311987"]);

function isOneDeletionOf(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i++) if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  return false;
}

function caseName(suite: string, c: VectorCase, i: number): string {
  const extra = [c.note, c.tags?.length ? `[${c.tags.join(",")}]` : ""].filter(Boolean).join(" ");
  return `${suite} #${i} ${c.valid ? "valid" : "invalid"} ${c.reason} ${JSON.stringify(c.input)}${extra ? ` — ${extra}` : ""}`;
}

describe("fixture shape", () => {
  it("has exactly the expected suites, and every reason/warning is one of our codes", () => {
    expect(Object.keys(suites).sort()).toEqual(Object.keys(SUITE_KIND).sort());
    const known = new Set<string>(["OK", ...checkCodes]);
    for (const suite of Object.values(suites)) {
      for (const c of [...suite.valid, ...suite.invalid]) {
        expect(typeof c.input).toBe("string");
        expect(known.has(c.reason), c.reason).toBe(true);
        for (const w of c.warnings ?? []) expect(known.has(w), w).toBe(true);
      }
    }
  });
});

function checkLuhnCase(c: VectorCase): void {
  expect(luhnValid(c.input)).toBe(c.valid);
  if (NORMALISATION_REASONS.has(c.reason)) {
    expect(luhnCheck(c.input)).toBe("NON_DIGIT");
    expect(rawIssue("bankCard", c.input)).toBe(c.reason);
    expect(isCanonical("bankCard", c.input)).toBe(false);
  } else {
    expect(luhnCheck(c.input)).toBe(c.reason);
  }
  // The personal bank-card field: 15–19 digits after normalisation; Luhn failure is only a warning.
  const digits = c.input.replace(/[\s\-\uFF10-\uFF19]/g, (ch) =>
    /[\uFF10-\uFF19]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : "",
  );
  const field = checkField("bankCard", c.input);
  if (!/^\d+$/.test(digits)) {
    expect(field).toMatchObject({ ok: false, code: "NON_DIGIT" });
  } else if (digits.length < 15 || digits.length > 19) {
    expect(field).toMatchObject({ ok: false, code: "BAD_LENGTH" });
  } else {
    expect(field).toEqual({ ok: true, normalized: digits, warnings: luhnValid(digits) ? [] : ["LUHN_CHECK"] });
  }
}

function checkCase(suite: string, kind: FieldKind, c: VectorCase): void {
  const tags = c.tags ?? [];
  const result = checkField(kind, c.input, c.options);
  if (c.valid) {
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.warnings).toEqual(c.warnings ?? []);
    expect(rawIssue(kind, c.input)).toBeNull();
    expect(checkField(kind, result.normalized, c.options).ok).toBe(true); // stored form re-validates
    if (tags.includes("loose-option")) expect(checkField(kind, c.input).ok).toBe(false);
    return;
  }
  if (NORMALISATION_REASONS.has(c.reason)) {
    expect(rawIssue(kind, c.input)).toBe(c.reason);
    expect(isCanonical(kind, c.input)).toBe(false);
    if (SPACE_TOOK_A_CHARACTER.has(c.input)) {
      expect(result).toMatchObject({ ok: false, code: "BAD_LENGTH" });
      const valids = suites[suite]?.valid.map((v) => v.input) ?? [];
      expect(valids.some((v) => isOneDeletionOf(v, result.normalized ?? ""))).toBe(true);
    } else {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true, warnings: [] });
      expect(isCanonical(kind, result.normalized)).toBe(true);
    }
    return;
  }
  if (tags.includes("country-code") && c.options === undefined) {
    // Vectors' default forbids a country code; ours (DOMAIN §2) strips +86/0086.
    expect(checkField(kind, c.input, { allowCountryCode: false })).toMatchObject({ ok: false, code: c.reason });
    const stripped = c.input.replace(/^(\+86|0086)/, "");
    expect(result).toEqual({ ok: true, normalized: stripped, warnings: [] });
    return;
  }
  expect(result, JSON.stringify(result)).toMatchObject({ ok: false, code: c.reason });
  if (tags.includes("strict-option")) {
    const byDefault = checkField(kind, c.input);
    expect(byDefault.ok).toBe(true);
    expect(byDefault.warnings).toEqual([STRICT_DEFAULT_WARNING[c.reason]]);
  }
}

for (const [suite, { valid, invalid }] of Object.entries(suites)) {
  const kind = SUITE_KIND[suite];
  describe(`vectors: ${suite}`, () => {
    [...valid, ...invalid].forEach((c, i) => {
      it(caseName(suite, c, i), () => {
        if (kind === undefined) throw new Error(`unknown suite ${suite}`);
        if (suite === "luhn") checkLuhnCase(c);
        else checkCase(suite, kind, c);
      });
    });
  });
}
