import { describe, expect, it } from "vitest";
import { findUnusualMakerCheckerPairs, type MakerCheckerCount } from "@/lib/domain/sampling/collusion-pairs";
import { ageBucketOf, ageCutoffs, isOverdue, waitingTime } from "./ageing";
import { pairsToShow, pairTests } from "./pairs";
import { mergeCounts, qualityRows, rate, sortQualityRows, teamRow, EMPTY_COUNTS } from "./quality";
import { periodStart, ZDashboardQuerySchema } from "./query";

const now = new Date("2026-11-25T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("dashboard query", () => {
  it("reads period and sort from the address, falling back to the defaults on anything unknown", () => {
    expect(ZDashboardQuerySchema.parse({ period: "30", sort: "returnRate" })).toEqual({ period: 30, sort: "returnRate" });
    expect(ZDashboardQuerySchema.parse({})).toEqual({ period: 90, sort: "worst" });
    expect(ZDashboardQuerySchema.parse({ period: "7", sort: "drop table" })).toEqual({ period: 90, sort: "worst" });
  });

  it("starts the period the given number of days back", () => {
    expect(periodStart(now, 30).toISOString()).toBe("2026-10-26T12:00:00.000Z");
  });
});

describe("ageing", () => {
  it("puts each age in its bucket, edges belonging to the older bucket", () => {
    expect(ageBucketOf(hoursAgo(23), now)).toBe("underOneDay");
    expect(ageBucketOf(hoursAgo(24), now)).toBe("oneToThreeDays");
    expect(ageBucketOf(hoursAgo(71), now)).toBe("oneToThreeDays");
    expect(ageBucketOf(hoursAgo(72), now)).toBe("threeToSevenDays");
    expect(ageBucketOf(hoursAgo(24 * 7), now)).toBe("overSevenDays");
    expect(ageBucketOf(hoursAgo(24 * 400), now)).toBe("overSevenDays");
  });

  it("gives the SQL cut-offs matching the buckets", () => {
    const [one, three, seven] = ageCutoffs(now);
    expect([one, three, seven].map((d) => d.toISOString())).toEqual(["2026-11-24T12:00:00.000Z", "2026-11-22T12:00:00.000Z", "2026-11-18T12:00:00.000Z"]);
  });

  it("says how long the oldest has waited and whether the queue is overdue", () => {
    expect(waitingTime(hoursAgo(50), now)).toEqual({ days: 2, hours: 2 });
    expect(waitingTime(new Date(now.getTime() + 1000), now)).toEqual({ days: 0, hours: 0 });
    expect(isOverdue(hoursAgo(71), now)).toBe(false);
    expect(isOverdue(hoursAgo(72), now)).toBe(true);
    expect(isOverdue(null, now)).toBe(false);
  });
});

describe("per-clerk quality", () => {
  it("keeps numerator and denominator, and says 'no data' instead of 0 % when nothing was measured", () => {
    expect(rate(1, 4)).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(() => rate(3, 2)).toThrow(RangeError);
    expect(() => rate(-1, 2)).toThrow(RangeError);
    expect(() => rate(0.5, 2)).toThrow(RangeError);
  });

  it("merges counts from separate queries per clerk", () => {
    const merged = mergeCounts([
      { clerkId: "a", entries: 3 },
      { clerkId: "b", verifications: 2, mismatches: 1 },
      { clerkId: "a", verifications: 4, mismatches: 1, decisions: 3, returns: 1, rejections: 1 },
      { clerkId: "a", spotChecks: 2, discrepancies: 1 },
    ]);
    expect(merged).toEqual([
      { clerkId: "a", entries: 3, verifications: 4, mismatches: 1, decisions: 3, returns: 1, rejections: 1, spotChecks: 2, discrepancies: 1 },
      { clerkId: "b", ...EMPTY_COUNTS, verifications: 2, mismatches: 1 },
    ]);
  });

  const counts = [
    { clerkId: "steady", ...EMPTY_COUNTS, entries: 20, verifications: 20, mismatches: 1, decisions: 19, returns: 0, rejections: 1 },
    { clerkId: "sloppy", ...EMPTY_COUNTS, entries: 5, verifications: 5, mismatches: 3, decisions: 2, returns: 1, rejections: 0, spotChecks: 2, discrepancies: 1 },
    { clerkId: "idle", ...EMPTY_COUNTS },
  ];

  it("computes each rate and puts the clerk most in need of a look first, idle clerks last", () => {
    const rows = qualityRows(counts);
    expect(rows.map((r) => r.clerkId)).toEqual(["sloppy", "steady", "idle"]);
    const sloppy = rows[0]!;
    expect(sloppy.mismatchRate.value).toBeCloseTo(0.6, 12);
    expect(sloppy.returnRate.value).toBeCloseTo(0.5, 12);
    expect(sloppy.rejectionRate.value).toBe(0);
    expect(sloppy.discrepancyRate.value).toBeCloseTo(0.5, 12);
    expect(rows[2]!.mismatchRate.value).toBeNull();
  });

  it("sorts by the chosen column, 'no data' last", () => {
    const rows = qualityRows(counts);
    expect(sortQualityRows(rows, "entries").map((r) => r.clerkId)).toEqual(["steady", "sloppy", "idle"]);
    expect(sortQualityRows(rows, "rejectionRate").map((r) => r.clerkId)).toEqual(["steady", "sloppy", "idle"]);
    expect(sortQualityRows(rows, "discrepancyRate").map((r) => r.clerkId)).toEqual(["sloppy", "steady", "idle"]);
  });

  it("gives the team's rates from the summed counts, not the average of the clerks' rates", () => {
    const team = teamRow(counts);
    expect(team.entries).toBe(25);
    expect(team.mismatchRate).toEqual({ numerator: 4, denominator: 25, value: 4 / 25 });
    expect(team.discrepancyRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(teamRow([]).mismatchRate.value).toBeNull();
  });
});

describe("maker–checker pairs to show", () => {
  const counts: MakerCheckerCount[] = [
    ...Object.entries({ v1: 12, v2: 1, v3: 1 }).map(([checkerId, count]) => ({ role: "verifier" as const, makerId: "m1", checkerId, count })),
    ...Object.entries({ v1: 3, v2: 10, v3: 10 }).map(([checkerId, count]) => ({ role: "verifier" as const, makerId: "m2", checkerId, count })),
    ...Object.entries({ v1: 3, v2: 10, v3: 10 }).map(([checkerId, count]) => ({ role: "verifier" as const, makerId: "m3", checkerId, count })),
  ];
  const pairs = findUnusualMakerCheckerPairs(counts);

  it("lists flagged pairs first, then the most unusual of the rest, never a pair at or below chance", () => {
    const shown = pairsToShow(pairs, 3);
    expect(shown[0]).toMatchObject({ makerId: "m1", checkerId: "v1", flagged: true });
    expect(shown).toHaveLength(3);
    expect(shown.every((p) => p.ratio > 1)).toBe(true);
    expect(pairsToShow(pairs, 0).map((p) => p.checkerId)).toEqual(["v1"]);
  });

  it("says which of the three tests a pair passes", () => {
    const flagged = pairs.find((p) => p.flagged)!;
    expect(pairTests(flagged)).toEqual({ improbable: true, enoughChecks: true, farAboveChance: true });
    const small = pairs.find((p) => p.makerId === "m2" && p.checkerId === "v2")!;
    expect(pairTests(small).improbable).toBe(false);
  });
});
