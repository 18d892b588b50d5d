const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** China Standard Time: UTC+8 all year, no daylight saving, so every wall-clock minute is one instant. */
const CHINA_OFFSET_MS = 8 * 60 * MINUTE_MS;
/** A clerk's clock and the server's may differ a little; a call "now" must not be refused as future. */
export const CLOCK_SKEW_MS = MINUTE_MS;

/** When an approved account change takes effect on its own if nobody objects: approval plus whole days. */
export function holdUntil(approvedAt: Date, holdDays: number): Date {
  if (!Number.isInteger(holdDays) || holdDays < 0) throw new RangeError(`hold days must be a whole number ≥ 0, got ${holdDays}`);
  return new Date(approvedAt.getTime() + holdDays * DAY_MS);
}

/** Has the hold of a pending change run out at `now`? */
export function holdElapsed(until: Date, now: Date): boolean {
  return until.getTime() <= now.getTime();
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-11-25T10:15" as typed in a datetime-local field, read as Beijing time; null if no such minute. */
export function chinaWallClockToInstant(value: string): Date | null {
  const m = WALL_CLOCK.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(utc);
  // Date.UTC rolls 2026-02-30 over to March; a real date comes back unchanged.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(utc - CHINA_OFFSET_MS);
}

/** The Beijing wall-clock minute of an instant, in the datetime-local format. */
export function instantToChinaWallClock(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * Why a recorded call time cannot be right, or null. Times are typed to the minute, so a call in
 * the very minute of the approval counts as after it.
 */
export function contactTimeProblem(contactedAt: Date, bounds: { approvedAt: Date; now: Date }): "FUTURE" | "BEFORE_APPROVAL" | null {
  if (contactedAt.getTime() > bounds.now.getTime() + CLOCK_SKEW_MS) return "FUTURE";
  const approvalMinute = Math.floor(bounds.approvedAt.getTime() / MINUTE_MS) * MINUTE_MS;
  if (contactedAt.getTime() < approvalMinute) return "BEFORE_APPROVAL";
  return null;
}
