/**
 * Personal bank card (personal settlement account), DOMAIN.md §2. The credit-card (BIN table)
 * rule lives outside this pure module.
 */
import { fail, pass, type Verdict } from "./codes";
import { normalizeIdentifier } from "./normalize";

/** True if `digits` (at least 2 ASCII digits, nothing else) passes the Luhn check (ISO/IEC 7812-1). */
export function luhnValid(digits: string): boolean {
  return luhnCheck(digits) === "OK";
}

export type LuhnResult = "OK" | "EMPTY" | "NON_DIGIT" | "TOO_SHORT" | "CHECK_DIGIT";

/** The bare Luhn check on an exact string (no normalisation), with the reason it fails. */
export function luhnCheck(digits: string): LuhnResult {
  if (typeof digits !== "string" || digits === "") return "EMPTY";
  if (!/^\d+$/.test(digits)) return "NON_DIGIT";
  if (digits.length < 2) return "TOO_SHORT";
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0 ? "OK" : "CHECK_DIGIT";
}

/**
 * Digits only, 15–19 long (UnionPay 62… cards 16–19). A Luhn failure is a warning (LUHN_CHECK) that
 * the verifier must acknowledge — some real debit cards fail it.
 */
export function checkBankCard(raw: string): Verdict {
  const s = normalizeIdentifier(raw);
  if (s === "") return fail("EMPTY");
  if (!/^\d+$/.test(s)) return fail("NON_DIGIT", s);
  if (s.length < 15 || s.length > 19) return fail("BAD_LENGTH", s);
  if (s.startsWith("62") && s.length < 16) return fail("BAD_LENGTH", s);
  return pass(s, luhnValid(s) ? [] : ["LUHN_CHECK"]);
}
