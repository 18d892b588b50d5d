/**
 * Merchant category code, DOMAIN.md §2: format only (4 digits). Whether the code is in the
 * reviewed MCC table is checked elsewhere.
 */
import { fail, pass, type Verdict } from "./codes";
import { normalizeIdentifier } from "./normalize";

export function checkMcc(raw: string): Verdict {
  const s = normalizeIdentifier(raw);
  if (s === "") return fail("EMPTY");
  if (s.length !== 4) return fail("BAD_LENGTH", s);
  if (!/^\d{4}$/.test(s)) return fail("NON_DIGIT", s);
  return pass(s);
}
