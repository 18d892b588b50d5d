/**
 * Fixed-line number, DOMAIN.md §2 [P]: `010`/`02X` + 8-digit local number, or `0XXX` + 7–8 digits;
 * the local number starts 2–8; `400`/`800` + 7 digits accepted with a warning.
 * Stored as digits only: the area code is recoverable (010/02X are 3 digits, all others 4).
 */
import { fail, pass, type Verdict } from "./codes";
import { normalizeIdentifier } from "./normalize";

const AREA_RE = /^(?:010|02\d|0[3-9]\d\d)$/;

export function checkFixedLine(raw: string): Verdict {
  const s = normalizeIdentifier(raw, { keepHyphens: true });
  const digits = s.replace(/-/g, "");
  if (digits === "") return fail("EMPTY");
  if (!/^[\d-]+$/.test(s)) return fail("NON_DIGIT", s);
  if (/^[48]00/.test(digits)) {
    // Service numbers are written in any grouping (400-xxx-xxxx); only the digit count matters.
    return digits.length === 10 ? pass(digits, ["SERVICE_400_800"]) : fail("BAD_LENGTH", digits);
  }
  const parts = s.split("-");
  if (parts.length > 2 || parts.some((p) => p === "")) return fail("BAD_FORMAT", s);
  let area: string;
  let local: string;
  if (parts.length === 2) {
    area = parts[0] ?? "";
    local = parts[1] ?? "";
  } else {
    const areaLength = /^0(?:10|2)/.test(digits) ? 3 : 4;
    area = digits.slice(0, areaLength);
    local = digits.slice(areaLength);
  }
  if (!AREA_RE.test(area)) return fail("BAD_AREA_CODE", s);
  const lengthOk = area.length === 3 ? local.length === 8 : local.length === 7 || local.length === 8;
  if (!lengthOk) return fail("BAD_LENGTH", s);
  if (!/^[2-8]/.test(local)) return fail("BAD_LOCAL_PREFIX", s);
  return pass(digits);
}
