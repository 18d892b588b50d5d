/**
 * Corporate account 对公账户, DOMAIN.md §2: no common check digit; digits, 8–30 long once the
 * `-` some banks print has been removed.
 */
import { fail, pass, type Verdict } from "./codes";
import { normalizeIdentifier } from "./normalize";

export function checkCorporateAccount(raw: string): Verdict {
  const s = normalizeIdentifier(raw);
  if (s === "") return fail("EMPTY");
  if (!/^\d+$/.test(s)) return fail("NON_DIGIT", s);
  if (s.length < 8 || s.length > 30) return fail("BAD_LENGTH", s);
  return pass(s);
}
