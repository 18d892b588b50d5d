/**
 * Mainland mobile number, DOMAIN.md §2 (MIIT allocation table, 2023-03).
 */
import { fail, pass, type Verdict, type WarningCode } from "./codes";
import { normalizeIdentifier } from "./normalize";

/** 130–139, 145–149, 150–153, 155–159, 162, 165–167, 170–173, 175–178, 180–189, 190–193, 195–199. */
const ALLOCATED_RE = /^1(?:3\d|4[5-9]|5[0-35-9]|6[25-7]|7[0-35-8]|8\d|9[0-35-9])/;
/** Satellite blocks 1349x, 1619, 1740, 1741, 1749 (accepted with a warning). */
const SATELLITE_RE = /^1(?:349|619|74[019])/;
/** Virtual-operator blocks: accepted, but a risk signal for contact numbers. */
const MVNO_RE = /^1(?:62|65|67|70|71)/;

export type MobileOptions = {
  /** Strip a leading +86 / 0086 (DOMAIN §2). Default true; false rejects them as NON_DIGIT / BAD_LENGTH. */
  allowCountryCode?: boolean;
};

export function checkMobile(raw: string, options: MobileOptions = {}): Verdict {
  let s = normalizeIdentifier(raw);
  if (s === "") return fail("EMPTY");
  if (options.allowCountryCode !== false) s = s.replace(/^(?:\+86|0086)(?=\d)/, "");
  if (!/^\d+$/.test(s)) return fail("NON_DIGIT", s);
  if (s.length !== 11) return fail("BAD_LENGTH", s);
  if (!/^1[3-9]/.test(s)) return fail("BAD_PREFIX", s);
  if (SATELLITE_RE.test(s)) return pass(s, ["SATELLITE_SEGMENT"]);
  if (!ALLOCATED_RE.test(s)) return fail("UNKNOWN_SEGMENT", s);
  const warnings: WarningCode[] = MVNO_RE.test(s) ? ["MVNO_SEGMENT"] : [];
  return pass(s, warnings);
}
