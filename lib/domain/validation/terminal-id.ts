/**
 * Terminal ID 终端号, DOMAIN.md §2 [S3]: 8 characters, digits and upper-case letters (ISO 8583
 * field 41). Case-significant: a lower-case letter is BAD_CHARSET, not folded.
 */
import { fail, pass, type Verdict } from "./codes";
import { isDigitsOrUpperAscii, normalizeIdentifier } from "./normalize";

export function checkTerminalId(raw: string): Verdict {
  const s = normalizeIdentifier(raw, { upperCase: false });
  if (s === "") return fail("EMPTY");
  if (s.length !== 8) return fail("BAD_LENGTH", s);
  if (!isDigitsOrUpperAscii(s)) return fail("BAD_CHARSET", s);
  return pass(s);
}
