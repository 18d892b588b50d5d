import { z } from "zod";
import { SPOT_CHECK_STRATEGIES, ZSpotCheckPopulationSchema, ZSpotCheckSizingSchema } from "./schemas";

const id = z.string().min(1).max(64);

/** A campaign drawn every month on a day that every month has (1–28). */
export const ZCreateScheduleSchema = z.strictObject({
  name: z.string().trim().min(2, { error: "validation.required" }).max(200, { error: "validation.tooLong" }),
  dayOfMonth: z.number({ error: "validation.required" }).int().min(1, { error: "validation.spotCheck.dayOfMonth" }).max(28, { error: "validation.spotCheck.dayOfMonth" }),
  population: ZSpotCheckPopulationSchema.default({}),
  sizing: ZSpotCheckSizingSchema,
  strategy: z.enum(SPOT_CHECK_STRATEGIES),
  auditorIds: z.array(id).min(1, { error: "validation.spotCheck.auditorsRequired" }).max(100),
});
export type TCreateSchedule = z.input<typeof ZCreateScheduleSchema>;

export const ZSetScheduleActiveSchema = z.strictObject({ scheduleId: id, version: z.number().int().positive(), active: z.boolean() });

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day of an instant: schedules follow the operations team's calendar, not the server's. */
function beijingDay(now: Date) {
  const local = new Date(now.getTime() + BEIJING_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** The month ("YYYY-MM") a schedule owes a campaign for at `now`, or null before its day of the month. */
export function duePeriod(dayOfMonth: number, now: Date): string | null {
  const { year, month, day } = beijingDay(now);
  return day >= dayOfMonth ? `${year}-${String(month).padStart(2, "0")}` : null;
}

/** The first and last day of a "YYYY-MM" month, as the campaign's period. */
export function periodBounds(period: string): { periodStart: string; periodEnd: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) throw new RangeError(`not a month: ${period}`);
  const [year, month] = [Number(match[1]), Number(match[2])];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { periodStart: `${period}-01`, periodEnd: `${period}-${String(lastDay).padStart(2, "0")}` };
}
