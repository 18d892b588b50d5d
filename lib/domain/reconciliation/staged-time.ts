/**
 * A transaction time as it is staged: UTC in Date#toISOString's form, `YYYY-MM-DDTHH:mm:ss.sssZ`.
 * toISOString took 0.35–0.6 s per million rows, a tenth of staging's CPU; the rows of a file span
 * few days, so here the date part is made once per day and the time of day from tables.
 */
const DAY_MS = 86_400_000;
/** Days whose date part is kept; a file with more distinct days starts the table again. */
const DAYS_KEPT = 4096;
const datePart = new Map<number, string>();
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, "0"));

export function stagedTimeText(at: Date): string {
  const ms = at.getTime();
  const day = Math.floor(ms / DAY_MS);
  let date = datePart.get(day);
  if (date === undefined) {
    const iso = at.toISOString();
    // Years outside 0000–9999 take the extended form (±YYYYYY): left to toISOString.
    if (iso.length !== 24) return iso;
    if (datePart.size >= DAYS_KEPT) datePart.clear();
    date = iso.slice(0, 11);
    datePart.set(day, date);
  }
  const inDay = ms - day * DAY_MS;
  const seconds = Math.floor(inDay / 1000);
  return `${date}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[inDay % 1000]}Z`;
}
