import { describe, expect, it } from "vitest";
import { binomialCdf, binomialUpperLimit, binomialUpperTail, hypergeometricCdf, logChoose, logGamma } from "./distributions";

describe("logGamma / logChoose", () => {
  it("matches factorials and known binomial coefficients", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3_628_800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(Math.exp(logChoose(100, 5))).toBeCloseTo(75_287_520, 0);
    expect(logChoose(5, 6)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe("binomial", () => {
  it("cdf and upper tail add up to one", () => {
    for (const [k, n, p] of [[3, 20, 0.1], [0, 59, 0.05], [40, 100, 0.5]] as const) {
      expect(binomialCdf(k, n, p) + binomialUpperTail(k + 1, n, p)).toBeCloseTo(1, 12);
    }
  });

  it("keeps tiny tails and survives sizes where (1 − p)^n underflows", () => {
    expect(binomialCdf(0, 59, 0.05)).toBeCloseTo(0.95 ** 59, 14);
    const tail = binomialUpperTail(30, 40, 0.1); // ≈ C(40,30)·0.1^30·0.9^10 ≈ 3.1e-22
    expect(tail).toBeGreaterThan(1e-22);
    expect(tail).toBeLessThan(1e-21);
    expect(binomialCdf(1000, 5000, 0.2)).toBeGreaterThan(0.4);
    expect(binomialCdf(1000, 5000, 0.2)).toBeLessThan(0.6);
  });

  it("edge cases", () => {
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(1, 10, 0)).toBe(0);
    expect(() => binomialCdf(1, 10, 1.5)).toThrow(RangeError);
  });
});

describe("binomialUpperLimit against AICPA Audit Sampling (2017) Appendix A, Tables A-3 and A-4", () => {
  // The tables print the exact one-sided upper limit in percent, rounded up to one decimal
  // (cells as transcribed in koenderks/jfa tests/testthat/test-validation-appendix-a.R).
  const roundedUpPercent = (x: number) => Math.ceil(x * 1000 - 1e-9) / 10;
  it.each([
    [0.95, 20, 0, 14.0], [0.95, 20, 1, 21.7], [0.95, 50, 2, 12.1], [0.95, 90, 1, 5.2], [0.95, 100, 1, 4.7],
    [0.95, 100, 5, 10.3], [0.95, 200, 3, 3.9], [0.95, 500, 10, 3.4],
    [0.9, 20, 0, 10.9], [0.9, 60, 2, 8.7], [0.9, 100, 0, 2.3], [0.9, 100, 4, 7.9], [0.9, 500, 10, 3.1],
  ])("%s confidence, %i items, %i deviations → %s %%", (confidence, n, deviations, printed) => {
    expect(roundedUpPercent(binomialUpperLimit(deviations, n, confidence))).toBe(printed);
  });
});

describe("hypergeometricCdf", () => {
  it("matches a hand count and converges to the binomial for large populations", () => {
    // P(no deviation in 45 of 100 with 5 deviations) = C(55,5)/C(100,5) = 3,478,761 / 75,287,520.
    expect(hypergeometricCdf(0, 100, 5, 45)).toBeCloseTo(3_478_761 / 75_287_520, 12);
    expect(hypergeometricCdf(1, 1_000_000, 50_000, 93)).toBeCloseTo(binomialCdf(1, 93, 0.05), 4);
  });

  it("is 0 or 1 outside the support", () => {
    expect(hypergeometricCdf(2, 10, 3, 10)).toBe(0);
    expect(hypergeometricCdf(3, 10, 3, 10)).toBe(1);
    expect(() => hypergeometricCdf(0, 10, 11, 5)).toThrow(RangeError);
  });
});
