/**
 * Merchant number 商户编号, DOMAIN.md §2 [S3]: 15 characters = acquirer code (3 digits) + area code
 * (4 digits or upper-case letters) + MCC (4 digits) + sequence (4 digits).
 * Case-significant (ISO 8583 field 42 is `ans`): a lower-case letter is BAD_CHARSET, not folded.
 */
import { fail, pass, type Verdict } from "./codes";
import { isAsciiDigits, isDigitsOrUpperAscii, normalizeIdentifier } from "./normalize";

export function checkMerchantNo(raw: string): Verdict {
  const s = normalizeIdentifier(raw, { upperCase: false });
  if (s === "") return fail("EMPTY");
  if (s.length !== 15) return fail("BAD_LENGTH", s);
  if (!isDigitsOrUpperAscii(s)) return fail("BAD_CHARSET", s);
  if (!isAsciiDigits(s, 0, 3)) return fail("BAD_ACQUIRER", s);
  if (!isAsciiDigits(s, 7, 11)) return fail("BAD_MCC", s);
  if (!isAsciiDigits(s, 11, 15)) return fail("BAD_CHARSET", s); // sequence is digits only
  return pass(s);
}

/** The MCC embedded in positions 8–11 of an acceptable merchant number, else null. */
export function merchantNoMcc(merchantNo: string): string | null {
  const verdict = checkMerchantNo(merchantNo);
  return verdict.ok ? verdict.normalized.slice(7, 11) : null;
}
