import { describe, expect, it } from "vitest";
import { duePeriod, periodBounds, ZCreateScheduleSchema } from "./schedule";

describe("monthly spot-check schedules", () => {
  it("owes the month's campaign from its day of the month on, by the Beijing calendar", () => {
    expect(duePeriod(5, new Date("2026-11-04T15:59:59Z"))).toBeNull(); // 23:59 on the 4th in Beijing
    expect(duePeriod(5, new Date("2026-11-04T16:00:00Z"))).toBe("2026-11"); // 00:00 on the 5th
    expect(duePeriod(1, new Date("2026-12-31T16:30:00Z"))).toBe("2027-01");
    expect(duePeriod(28, new Date("2026-02-28T00:00:00Z"))).toBe("2026-02");
    expect(duePeriod(28, new Date("2026-03-01T00:00:00Z"))).toBeNull();
  });

  it("draws over the whole calendar month, leap years included", () => {
    expect(periodBounds("2026-11")).toEqual({ periodStart: "2026-11-01", periodEnd: "2026-11-30" });
    expect(periodBounds("2028-02")).toEqual({ periodStart: "2028-02-01", periodEnd: "2028-02-29" });
    expect(periodBounds("2026-02").periodEnd).toBe("2026-02-28");
    expect(() => periodBounds("2026-13-01")).toThrow(RangeError);
  });

  it("takes only days every month has, and the same sizing rules as a campaign", () => {
    const base = { name: "Monthly check", population: {}, sizing: { method: "FIXED", sampleSize: 10 }, strategy: "SIMPLE", auditorIds: ["a"] };
    expect(ZCreateScheduleSchema.safeParse({ ...base, dayOfMonth: 28 }).success).toBe(true);
    const bad = ZCreateScheduleSchema.safeParse({ ...base, dayOfMonth: 31, sizing: { method: "ATTRIBUTE", confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.06 }, auditorIds: [] });
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({ dayOfMonth: "validation.spotCheck.dayOfMonth", "sizing.expectedRate": "validation.spotCheck.expectedNotBelowTolerable", auditorIds: "validation.spotCheck.auditorsRequired" });
  });
});
