import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { riskWeightOfFlags, UNFLAGGED_RECORD_WEIGHT } from "./risk-weight";
import { riskWeightedDraw, zeroWeightFloorFor, type WeightedRecord } from "./weighted-draw";

const records = (weights: number[]): WeightedRecord[] => weights.map((weight, i) => ({ id: `M${String(i).padStart(4, "0")}`, weight }));

/** How often each id is drawn over `runs` draws with seeds derived from one fixed seed. */
function inclusionRates(population: WeightedRecord[], sampleSize: number, runs: number): Map<string, number> {
  const counts = new Map(population.map((r) => [r.id, 0]));
  for (let run = 0; run < runs; run++) {
    for (const id of riskWeightedDraw(population, sampleSize, `risk-test-${run}`)) counts.set(id, counts.get(id)! + 1);
  }
  return new Map([...counts].map(([id, count]) => [id, count / runs]));
}

const fourSd = (p: number, runs: number) => 4 * Math.sqrt((p * (1 - p)) / runs);

describe("riskWeightedDraw", () => {
  const population = records(Array.from({ length: 500 }, (_, i) => (i % 10 === 0 ? 9 : i % 3)));

  it("is identical for the same seed and records in any order, and differs for another seed", () => {
    const first = riskWeightedDraw(population, 40, "2026-03");
    expect(riskWeightedDraw([...population].reverse(), 40, "2026-03")).toEqual(first);
    expect(riskWeightedDraw(population, 40, "2026-04")).not.toEqual(first);
  });

  it("draws distinct records, the requested number, and keeps a smaller draw as its prefix", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 40 }), fc.nat(50), fc.string(), (weights, sampleSize, seed) => {
        const drawn = riskWeightedDraw(records(weights), sampleSize, seed);
        expect(drawn).toHaveLength(Math.min(sampleSize, weights.length));
        expect(new Set(drawn).size).toBe(drawn.length);
        expect(riskWeightedDraw(records(weights), Math.floor(sampleSize / 2), seed)).toEqual(drawn.slice(0, Math.floor(sampleSize / 2)));
      }),
    );
  });

  it("one draw at a time picks a record with probability weight / total (1,000 draws)", () => {
    // 10 high-risk records of weight 10 and 90 of weight 1: P(high) = 100 / 190.
    const mixed = records([...Array.from({ length: 10 }, () => 10), ...Array.from({ length: 90 }, () => 1)]);
    const rates = inclusionRates(mixed, 1, 1_000);
    const highRate = [...rates].filter(([id]) => Number(id.slice(1)) < 10).reduce((sum, [, rate]) => sum + rate, 0);
    const expected = 100 / 190;
    expect(Math.abs(highRate - expected)).toBeLessThan(fourSd(expected, 1_000));
  });

  it("a sample of 2 includes each record at its exact successive-sampling probability (1,000 draws)", () => {
    const weights = [8, 4, 2, 1, 1];
    const total = weights.reduce((a, b) => a + b, 0);
    // π_i = w_i/W + Σ_{j≠i} (w_j/W) · w_i/(W − w_j): drawn first, or second after some j.
    const exact = weights.map((wi, i) => wi / total + weights.reduce((sum, wj, j) => (j === i ? sum : sum + (wj / total) * (wi / (total - wj))), 0));
    const rates = [...inclusionRates(records(weights), 2, 1_000).values()];
    rates.forEach((rate, i) => expect(Math.abs(rate - exact[i]!)).toBeLessThan(fourSd(exact[i]!, 1_000)));
    // The weight-8 record (π ≈ 0.81) is drawn far more often than a weight-1 record (π ≈ 0.13).
    expect(rates[0]!).toBeGreaterThan(4 * rates[4]!);
  });

  it("a zero-weight record is never impossible: it gets half the smallest positive weight", () => {
    expect(zeroWeightFloorFor([0, 1, 3])).toBe(0.5);
    expect(zeroWeightFloorFor([0, 0])).toBe(1);
    expect(zeroWeightFloorFor([0, 4], 0.1)).toBe(0.1);
    const rates = inclusionRates(records([0, 1]), 1, 3_000);
    const expected = 0.5 / 1.5;
    expect(Math.abs(rates.get("M0000")! - expected)).toBeLessThan(fourSd(expected, 3_000));
  });

  it("all-zero weights make it a simple random draw", () => {
    const rates = [...inclusionRates(records([0, 0, 0, 0]), 1, 2_000).values()];
    for (const rate of rates) expect(Math.abs(rate - 0.25)).toBeLessThan(fourSd(0.25, 2_000));
  });

  it.each([
    [[{ id: "a", weight: -1 }]],
    [[{ id: "a", weight: Number.NaN }]],
    [[{ id: "a", weight: Number.POSITIVE_INFINITY }]],
    [[{ id: "a", weight: 1 }, { id: "a", weight: 2 }]],
  ])("refuses bad records %o", (bad) => {
    expect(() => riskWeightedDraw(bad, 1, "s")).toThrow(RangeError);
  });

  it("refuses a bad floor or sample size", () => {
    expect(() => riskWeightedDraw(population, 1, "s", { zeroWeightFloor: 0 })).toThrow(RangeError);
    expect(() => riskWeightedDraw(population, -1, "s")).toThrow(RangeError);
  });

  it("copes with 1,000,000 records and a sample of 10,000 (sanity, not a timing assertion)", () => {
    const large = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `M${String(i).padStart(7, "0")}`, weight: i % 50 === 0 ? 9 : 0 }));
    const drawn = riskWeightedDraw(large, 10_000, "performance", { zeroWeightFloor: UNFLAGGED_RECORD_WEIGHT });
    expect(new Set(drawn).size).toBe(10_000);
    // 20,000 flagged records of weight 9 against 980,000 at 0.5: 27 % of the weight, 2 % of the records.
    const flagged = drawn.filter((id) => Number(id.slice(1)) % 50 === 0).length;
    expect(flagged).toBeGreaterThan(2_000);
  });
});

describe("riskWeightOfFlags", () => {
  it("adds the flags by severity; no flags weigh nothing", () => {
    expect(riskWeightOfFlags([])).toBe(0);
    expect(riskWeightOfFlags([{ severity: "high" }, { severity: "low" }, { severity: "medium" }])).toBe(13);
  });
});
