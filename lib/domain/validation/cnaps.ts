/**
 * CNAPS bank code 大额支付系统行号 / 联行号, DOMAIN.md §2: 12 digits = bank category (3) +
 * area (4) + branch sequence (4) + ISO 7064 MOD 11,10 check (1).
 */
import { fail, pass, type Verdict } from "./codes";
import { normalizeIdentifier } from "./normalize";

/** ISO 7064 MOD 11,10 (GB/T 17710) check digit for an 11-digit body, or null if malformed. */
export function cnapsCheckDigit(body11: string): string | null {
  if (!/^\d{11}$/.test(body11)) return null;
  let p = 10;
  for (let i = 0; i < 11; i++) {
    const s = (p + body11.charCodeAt(i) - 48) % 10 || 10;
    p = (2 * s) % 11;
  }
  return String((11 - p) % 10);
}

export function checkCnaps(raw: string): Verdict {
  const s = normalizeIdentifier(raw);
  if (s === "") return fail("EMPTY");
  if (s.length !== 12) return fail("BAD_LENGTH", s);
  if (!/^\d{12}$/.test(s)) return fail("NON_DIGIT", s);
  if (cnapsCheckDigit(s.slice(0, 11)) !== s.charAt(11)) return fail("CHECK_DIGIT", s);
  return pass(s);
}

/** Bank category 行别代码 (first 3 digits) of a well-formed 12-digit code, else null. */
export function cnapsBankCategory(code: string): string | null {
  const s = normalizeIdentifier(code);
  return /^\d{12}$/.test(s) ? s.slice(0, 3) : null;
}

/** Area code (digits 4–7) of a well-formed 12-digit code, else null (risk signal: bank area vs address). */
export function cnapsAreaCode(code: string): string | null {
  const s = normalizeIdentifier(code);
  return /^\d{12}$/.test(s) ? s.slice(3, 7) : null;
}
