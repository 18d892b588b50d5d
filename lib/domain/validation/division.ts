/**
 * Administrative division (GB/T 2260) plausibility: only the province part is checked; the full
 * table is not shipped here.
 */

/** Mainland provinces, autonomous regions and municipalities (first two digits). */
const MAINLAND_PROVINCES = new Set([
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
]);

/** Prefixes of residence permits for Hong Kong (81), Macao (82) and Taiwan (83) residents. */
export const RESIDENCE_PERMIT_PREFIXES: ReadonlySet<string> = new Set(["81", "82", "83"]);

/** A 6-digit division code whose first two digits are a mainland province. */
export function isMainlandDivision(code6: string): boolean {
  return /^\d{6}$/.test(code6) && MAINLAND_PROVINCES.has(code6.slice(0, 2));
}
