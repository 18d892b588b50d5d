import { describe, expect, it } from "vitest";
import { projectPopulationErrorRate, projectRiskWeightedErrorRate } from "./projected-error-rate";
import { wilsonInterval, Z_95 } from "./wilson-interval";

describe("wilsonInterval", () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
  // methods. Statistics in Medicine 1998;17:857–872, Table I, method 3 (Wilson score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("Newcombe 1998 Table I: %i of %i → %s – %s", (successes, trials, lower, upper) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  // Further figures, 6 decimals, reproduced independently by solving the score test
  // |p̂ − p| = z·√(p(1 − p)/n) for p numerically (SciPy brentq), not from the closed form used here.
  it.each([
    [0, 10, 0, 0.277533],
    [1, 10, 0.017876, 0.40415],
    [5, 100, 0.021544, 0.11175],
    [50, 100, 0.403832, 0.596168],
    [1, 93, 0.001901, 0.058419],
  ])("%i of %i → %s – %s", (successes, trials, lower, upper) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval.lower).toBeCloseTo(lower, 6);
    expect(interval.upper).toBeCloseTo(upper, 6);
  });

  it("0 of n has the closed form z²/(n + z²) as its upper bound and exactly 0 below", () => {
    const interval = wilsonInterval(0, 59);
    expect(interval.lower).toBe(0);
    expect(interval.upper).toBeCloseTo(Z_95 ** 2 / (59 + Z_95 ** 2), 14);
    expect(wilsonInterval(7, 7).upper).toBe(1);
  });

  it("is symmetric: the interval for n − x is the mirror of the one for x", () => {
    const a = wilsonInterval(3, 40);
    const b = wilsonInterval(37, 40);
    expect(a.lower).toBeCloseTo(1 - b.upper, 14);
    expect(a.upper).toBeCloseTo(1 - b.lower, 14);
  });

  it("refuses impossible counts", () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 0)).toThrow(RangeError);
  });
});

describe("projectPopulationErrorRate", () => {
  it("projects the sample rate with its Wilson interval onto the population", () => {
    const projection = projectPopulationErrorRate({ examined: 100, discrepancies: 5, populationSize: 20_000, tolerableRate: 0.1 })!;
    expect(projection.sampleRate).toBe(0.05);
    expect(projection.wilson95.lower).toBeCloseTo(0.021544, 6);
    expect(projection.wilson95.upper).toBeCloseTo(0.11175, 6);
    expect(projection.projectedWrongRecords!.estimate).toBeCloseTo(1_000, 9);
    expect(projection.projectedWrongRecords!.lower).toBeCloseTo(430.88, 1);
    expect(projection.projectedWrongRecords!.upper).toBeCloseTo(2_235, 0);
    // AICPA Table A-3: 5 deviations in 100 at 5 % risk → upper limit 10.3 %, above a 10 % tolerable rate.
    expect(projection.upperDeviationLimit).toBeGreaterThan(0.102);
    expect(projection.upperDeviationLimit).toBeLessThanOrEqual(0.103);
    expect(projection.withinTolerableRate).toBe(false);
  });

  it("a planned sample that finds no more than expected supports the tolerable rate", () => {
    // 93 items planned for 95 % / 5 % tolerable / 1 % expected, 1 discrepancy found.
    const projection = projectPopulationErrorRate({ examined: 93, discrepancies: 1, tolerableRate: 0.05 })!;
    expect(projection.withinTolerableRate).toBe(true);
    expect(projection.projectedWrongRecords).toBeNull();
    expect(projectPopulationErrorRate({ examined: 93, discrepancies: 2, tolerableRate: 0.05 })!.withinTolerableRate).toBe(false);
  });

  it("is null before anything is examined, and refuses a population smaller than the sample", () => {
    expect(projectPopulationErrorRate({ examined: 0, discrepancies: 0 })).toBeNull();
    expect(() => projectPopulationErrorRate({ examined: 10, discrepancies: 0, populationSize: 9 })).toThrow(RangeError);
    expect(() => projectPopulationErrorRate({ examined: 10, discrepancies: 11 })).toThrow(RangeError);
  });
});

describe("projectRiskWeightedErrorRate", () => {
  it("weights each checked record by 1 / draw weight", () => {
    // Two high-risk records (weight 9), one wrong; two unflagged (weight 0.5), both right:
    // raw rate 1/4, reweighted (1/9) / (2/9 + 2/0.5) ≈ 0.026.
    const rate = projectRiskWeightedErrorRate([
      { weight: 9, discrepancy: true },
      { weight: 9, discrepancy: false },
      { weight: 0.5, discrepancy: false },
      { weight: 0.5, discrepancy: false },
    ]);
    expect(rate).toBeCloseTo(1 / 9 / (2 / 9 + 4), 12);
  });

  it("equals the plain rate when all weights are equal, and is null when nothing was examined", () => {
    expect(projectRiskWeightedErrorRate([{ weight: 2, discrepancy: true }, { weight: 2, discrepancy: false }])).toBe(0.5);
    expect(projectRiskWeightedErrorRate([])).toBeNull();
    expect(() => projectRiskWeightedErrorRate([{ weight: 0, discrepancy: true }])).toThrow(RangeError);
  });
});
