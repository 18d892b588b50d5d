import { describe, expect, it } from "vitest";
import { chinaWallClockToInstant, contactTimeProblem, holdElapsed, holdUntil, instantToChinaWallClock } from "./hold";

describe("hold period", () => {
  const approvedAt = new Date("2026-11-25T02:30:00Z");

  it("ends whole days after approval; zero days means at once", () => {
    expect(holdUntil(approvedAt, 3).toISOString()).toBe("2026-11-28T02:30:00.000Z");
    expect(holdUntil(approvedAt, 0).getTime()).toBe(approvedAt.getTime());
    expect(() => holdUntil(approvedAt, -1)).toThrow(RangeError);
    expect(() => holdUntil(approvedAt, 1.5)).toThrow(RangeError);
  });

  it("has elapsed at its end instant, not a millisecond before", () => {
    const until = holdUntil(approvedAt, 3);
    expect(holdElapsed(until, new Date(until.getTime() - 1))).toBe(false);
    expect(holdElapsed(until, until)).toBe(true);
    expect(holdElapsed(until, new Date(until.getTime() + 1))).toBe(true);
  });
});

describe("Beijing wall-clock times", () => {
  it("reads a datetime-local value as UTC+8 and writes it back", () => {
    expect(chinaWallClockToInstant("2026-11-25T10:15")?.toISOString()).toBe("2026-11-25T02:15:00.000Z");
    expect(chinaWallClockToInstant("2026-11-25T00:05:30")?.toISOString()).toBe("2026-11-24T16:05:30.000Z");
    expect(instantToChinaWallClock(new Date("2026-11-24T16:05:59Z"))).toBe("2026-11-25T00:05");
  });

  it("refuses dates and times that do not exist, and other formats", () => {
    for (const bad of ["2026-02-30T10:00", "2026-11-25T24:00", "2026-11-25T10:60", "2026-13-01T10:00", "2026-11-25 10:15", "25/11/2026 10:15", "", "2026-11-25T10:15Z"]) {
      expect(chinaWallClockToInstant(bad), bad).toBeNull();
    }
  });
});

describe("when a confirmation call may have happened", () => {
  const approvedAt = new Date("2026-11-25T02:30:40Z");
  const now = new Date("2026-11-26T08:00:00Z");

  it("between the approval's minute and now (with a minute's clock skew)", () => {
    expect(contactTimeProblem(new Date("2026-11-25T02:30:00Z"), { approvedAt, now })).toBeNull();
    expect(contactTimeProblem(now, { approvedAt, now })).toBeNull();
    expect(contactTimeProblem(new Date(now.getTime() + 60_000), { approvedAt, now })).toBeNull();
  });

  it("not before the approval, not in the future", () => {
    expect(contactTimeProblem(new Date("2026-11-25T02:29:59Z"), { approvedAt, now })).toBe("BEFORE_APPROVAL");
    expect(contactTimeProblem(new Date(now.getTime() + 60_001), { approvedAt, now })).toBe("FUTURE");
  });
});
