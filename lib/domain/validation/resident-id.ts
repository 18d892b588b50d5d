/**
 * Resident ID 居民身份证号码 (GB 11643-1999), DOMAIN.md §2.
 */
import { fail, pass, type Verdict, type WarningCode } from "./codes";
import { isMainlandDivision, RESIDENCE_PERMIT_PREFIXES } from "./division";
import { normalizeIdentifier } from "./normalize";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";
const MIN_BIRTH_YEAR = 1900;
/** Minimum age of a legal representative (DOMAIN §2 [P]). */
export const MIN_LEGAL_REP_AGE = 16;

export type ResidentIdOptions = {
  /** Accept legacy 15-digit numbers (upgraded, with warning). Default true. */
  allowLegacy15?: boolean;
  /** Accept HK/Macao/Taiwan residence permits 81/82/83 (with warning). Default true. */
  allowResidencePermit?: boolean;
  /** "Now" for the not-in-the-future rule; the calendar date is taken in China time (UTC+8). */
  today?: Date;
};

/** ISO 7064 MOD 11-2 check character for a 17-digit body, or null if malformed. */
export function residentIdCheckChar(body17: string): string | null {
  if (!/^\d{17}$/.test(body17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** 15-digit legacy number → 18 digits (insert "19", append the check), or null if not 15 digits. */
export function upgradeLegacy15(id15: string): string | null {
  if (!/^\d{15}$/.test(id15)) return null;
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + (residentIdCheckChar(body) ?? "");
}

/** Calendar date YYYYMMDD of `at` in China time (UTC+8). */
export function chinaDate(at: Date = new Date()): string {
  const t = at instanceof Date && Number.isFinite(at.getTime()) ? at.getTime() : Date.now();
  const d = new Date(t + 8 * 3_600_000);
  const y = String(d.getUTCFullYear()).padStart(4, "0");
  return `${y}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** True if YYYYMMDD is a real Gregorian date. */
export function isRealDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

export function checkResidentId(raw: string, options: ResidentIdOptions = {}): Verdict {
  const s = normalizeIdentifier(raw);
  if (s === "") return fail("EMPTY");
  if (s.length !== 15 && s.length !== 18) return fail("BAD_LENGTH", s);
  const legacy = s.length === 15;
  if (!(legacy ? /^\d{15}$/ : /^\d{17}[\dX]$/).test(s)) return fail("BAD_CHARSET", s);
  if (legacy && options.allowLegacy15 === false) return fail("LEGACY15_NOT_ALLOWED", s);
  const permit = RESIDENCE_PERMIT_PREFIXES.has(s.slice(0, 2));
  if (permit ? legacy || options.allowResidencePermit === false : !isMainlandDivision(s.slice(0, 6))) {
    return fail("BAD_REGION", s); // residence permits were never issued with 15 digits
  }
  const birth = legacy ? `19${s.slice(6, 12)}` : s.slice(6, 14);
  if (!isRealDate(birth) || Number(birth.slice(0, 4)) < MIN_BIRTH_YEAR) return fail("BAD_DATE", s);
  if (birth > chinaDate(options.today)) return fail("FUTURE_DATE", s);
  if (legacy) return pass(upgradeLegacy15(s) ?? s, ["LEGACY_15"]);
  if (residentIdCheckChar(s.slice(0, 17)) !== s.charAt(17)) return fail("CHECK_DIGIT", s);
  const warnings: WarningCode[] = permit ? ["RESIDENCE_PERMIT"] : [];
  return pass(s, warnings);
}

/**
 * Age in whole years on `on` (a Date, taken in China time, or "YYYY-MM-DD") of the holder of `id`
 * (18 or legacy 15 digits, any raw form). Null if the ID is not acceptable or `on` is unreadable;
 * negative if `on` precedes the birth date. A 29 February birthday is reached on 1 March in common years.
 */
export function ageOnDate(id: string, on: Date | string): number | null {
  const verdict = checkResidentId(id);
  if (!verdict.ok) return null;
  let day: string;
  if (typeof on === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on.trim());
    if (!m) return null;
    day = `${m[1]}${m[2]}${m[3]}`;
  } else if (on instanceof Date && Number.isFinite(on.getTime())) {
    day = chinaDate(on);
  } else {
    return null;
  }
  if (!isRealDate(day)) return null;
  const birth = verdict.normalized.slice(6, 14);
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(4) >= birth.slice(4) ? years : years - 1;
}
