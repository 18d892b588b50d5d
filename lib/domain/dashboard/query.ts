import { z } from "zod";

/** The windows the dashboard offers; quality and pair figures count what happened inside it. */
export const DASHBOARD_PERIODS = [30, 90, 365] as const;
export type TDashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
export const DEFAULT_DASHBOARD_PERIOD: TDashboardPeriod = 90;

/** Columns the per-clerk table sorts by (descending: the clerk most in need of a look first). */
export const QUALITY_SORT_KEYS = ["worst", "entries", "mismatchRate", "returnRate", "rejectionRate", "discrepancyRate"] as const;
export type TQualitySortKey = (typeof QUALITY_SORT_KEYS)[number];

const DAY_MS = 86_400_000;

const oneOf = <T extends string | number>(allowed: readonly T[], fallback: T, parse: (v: string) => unknown) =>
  z.unknown().optional().transform((v): T => {
      const parsed = typeof v === "string" ? parse(v) : undefined;
      return (allowed as readonly unknown[]).includes(parsed) ? (parsed as T) : fallback;
  });

/** `?period=30&sort=returnRate` from the address bar; anything unknown falls back to the default rather than failing the page. */
export const ZDashboardQuerySchema = z.object({
  period: oneOf(DASHBOARD_PERIODS, DEFAULT_DASHBOARD_PERIOD, Number),
  sort: oneOf(QUALITY_SORT_KEYS, "worst", String),
});
export type TDashboardQuery = z.output<typeof ZDashboardQuerySchema>;

export function periodStart(now: Date, days: TDashboardPeriod) {
  return new Date(now.getTime() - days * DAY_MS);
}
