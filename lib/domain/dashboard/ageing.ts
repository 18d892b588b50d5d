/**
 * How long open requests have waited, in buckets a supervisor reads at a glance. Age counts from
 * submission, as the approval queue shows it. The server counts each bucket in SQL from the
 * cut-offs below, so no request is loaded to be measured.
 */
export const AGE_BUCKETS = ["underOneDay", "oneToThreeDays", "threeToSevenDays", "overSevenDays"] as const;
export type TAgeBucket = (typeof AGE_BUCKETS)[number];

const DAY_MS = 86_400_000;
/** Upper edge of each bucket but the last, in days. */
const EDGES_DAYS = [1, 3, 7] as const;

/** Submitted after cutoffs[i] ⇔ younger than bucket i's upper edge. */
export function ageCutoffs(now: Date): [Date, Date, Date] {
  return EDGES_DAYS.map((d) => new Date(now.getTime() - d * DAY_MS)) as [Date, Date, Date];
}

export function ageBucketOf(submittedAt: Date, now: Date): TAgeBucket {
  const ageDays = (now.getTime() - submittedAt.getTime()) / DAY_MS;
  const i = EDGES_DAYS.findIndex((edge) => ageDays < edge);
  return AGE_BUCKETS[i === -1 ? AGE_BUCKETS.length - 1 : i]!;
}

/** Whole days (rounded down) and remaining hours, for "oldest waiting". */
export function waitingTime(since: Date, now: Date): { days: number; hours: number } {
  const hoursTotal = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  return { days: Math.floor(hoursTotal / 24), hours: hoursTotal % 24 };
}

/** Requests whose age is older than the given number of days make a queue "overdue". */
export const OVERDUE_AFTER_DAYS = 3;
export function isOverdue(oldest: Date | null, now: Date) {
  return oldest !== null && now.getTime() - oldest.getTime() >= OVERDUE_AFTER_DAYS * DAY_MS;
}
