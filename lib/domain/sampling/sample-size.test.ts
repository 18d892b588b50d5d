import { describe, expect, it } from "vitest";
import { attributeSampleSize, expectedDeviationsFor, type SampleSize, type SampleSizeInput } from "./sample-size";

/*
 * Published figures: AICPA Audit Guide "Audit Sampling" (2017), Appendix A —
 *   Table A-1 "Statistical Sample Sizes for Tests of Controls — 5 Percent Risk of Overreliance" (95 % confidence),
 *   Table A-2 "… — 10 Percent Risk of Overreliance" (90 % confidence).
 * Rows: expected population deviation rate; columns: tolerable deviation rate; a cell is the sample
 * size (the table also prints the expected number of deviations in parentheses). Cell values as
 * transcribed in the jfa R package's validation test (koenderks/jfa, tests/testthat/
 * test-validation-appendix-a.R), which checks its own binomial planning against the same tables.
 *
 * Where the exact binomial computation differs from the printed table:
 * - A-2, tolerable 7 %, expected 3.25 % and 3.5 %: printed 112, exact 113. With k = ⌈112 × 0.0325⌉ = 4,
 *   P(X ≤ 4 | 112, 0.07) = 0.1007 > 0.10, so 112 falls just short; 113 gives 0.0966. The printed
 *   figure was presumably rounded from an approximation of the binomial tail.
 * - A-2, tolerable 5 %, expected 3.5 %: jfa reports the printed cell as 200 and computes 423, because
 *   400 × 0.035 is 14.000000000000002 in floating point and its ceiling is 15. In exact arithmetic
 *   k = 14 and the answer is 400(14); 200 cannot be right (the 3.25 % row already needs 306).
 * - A-2, tolerable 8 %, expected 7 %: printed 1300; jfa computes 1313 for the same floating-point
 *   reason (1300 × 0.07 → 91.00000000000001). We allow for that slack and agree with the table.
 */
const EXPECTED_RATES = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 3.75, 4, 5, 6, 7, 8, 9, 10, 12.5, 15, 17.5];
const TOLERABLE_RATES = [2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20];
const times = (n: number, value: number) => Array.from({ length: n }, () => value);

/** One column per tolerable rate, top to bottom over EXPECTED_RATES; a column ends where the table prints "*". */
const TABLE_A1: number[][] = [
  [149, 236, 313, 386, 590, 1030],
  [99, 157, 157, 208, 257, 303, 392, 562, 846, 1466],
  [74, 117, 117, 117, 156, 156, 192, 227, 294, 390, 513, 722, 1098, 1936],
  [59, 93, 93, 93, 93, 124, 124, 153, 181, 208, 234, 286, 361, 458, 624, 877, 1348],
  [49, 78, 78, 78, 78, 78, 103, 103, 127, 127, 150, 173, 195, 238, 280, 341, 421, 1580],
  [42, ...times(6, 66), 88, 88, 88, 109, 109, 129, 148, 167, 185, 221, 478, 1832],
  [36, ...times(6, 58), ...times(4, 77), 95, 95, 112, 112, 129, 146, 240, 532],
  [32, ...times(7, 51), ...times(4, 68), 84, 84, 84, 100, 100, 158, 266, 585],
  [29, ...times(8, 46), ...times(5, 61), 76, 76, 89, 116, 179, 298, 649],
  [19, ...times(13, 30), ...times(4, 40), 50, 68, 85, 110, 150, 576],
  [14, ...times(16, 22), 30, 30, 37, 37, 44, 50, 88, 193, 720],
];

const TABLE_A2: number[][] = [
  [114, 194, 194, 265, 398, 708, 1463],
  [76, 129, 129, 129, 176, 221, 265, 390, 590, 974],
  [57, ...times(4, 96), 132, 132, 166, 198, 262, 353, 471, 730, 1258],
  [45, ...times(5, 77), 105, 105, 132, 132, 158, 209, 258, 306, 400 /* see above */, 583, 873],
  [38, ...times(6, 64), 88, 88, 88, 110, 132, 132, 153, 194, 235, 274, 1019],
  [32, ...times(7, 55), 75, 75, 75, 94, 94, 113 /* printed 112 */, 113 /* printed 112 */, 131, 149, 318, 1150],
  [28, ...times(8, 48), ...times(4, 65), 82, 82, 98, 98, 160, 349, 1300],
  [25, ...times(9, 42), ...times(4, 58), 73, 73, 73, 115, 182, 385, 1437],
  [22, ...times(10, 38), ...times(5, 52), 65, 78, 116, 199, 424, 1577],
  [15, ...times(16, 25), 34, 43, 52, 60, 77, 100, 368],
  [11, ...times(17, 18), 25, 25, 25, 32, 38, 63, 126, 457],
];

function cells(table: number[][]) {
  return table.flatMap((column, c) =>
    column.map((sampleSize, r) => ({ tolerable: TOLERABLE_RATES[c]!, expected: EXPECTED_RATES[r]!, sampleSize })),
  );
}

function size(input: SampleSizeInput): SampleSize {
  const result = attributeSampleSize(input);
  if (!result.ok) throw new Error(`no sample size: ${result.reason}`);
  return result;
}

const pct = (x: number) => Math.round(x * 100) / 10_000;

describe("attributeSampleSize against AICPA Audit Sampling Appendix A", () => {
  it.each([
    ["A-1 (95 %)", 0.95, TABLE_A1],
    ["A-2 (90 %)", 0.9, TABLE_A2],
  ] as const)("Table %s: every printed cell", (_name, confidence, table) => {
    const mismatches = cells(table)
      .map((cell) => ({ ...cell, computed: size({ confidence, tolerableRate: pct(cell.tolerable), expectedRate: pct(cell.expected) }).sampleSize }))
      .filter((cell) => cell.computed !== cell.sampleSize);
    expect(mismatches).toEqual([]);
  });

  it("the brief's examples, with the parenthetical expected deviations", () => {
    expect(size({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0 })).toMatchObject({ sampleSize: 59, expectedDeviations: 0 });
    expect(size({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.01 })).toMatchObject({ sampleSize: 93, expectedDeviations: 1 });
    expect(size({ confidence: 0.9, tolerableRate: 0.05, expectedRate: 0 })).toMatchObject({ sampleSize: 45, expectedDeviations: 0 });
    expect(size({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.02 })).toMatchObject({ sampleSize: 181, expectedDeviations: 4 });
  });

  it("returns the inputs and the achieved upper limit, which is within the tolerable rate", () => {
    const input = { confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.01 };
    const result = size(input);
    expect(result.inputs).toEqual(input);
    expect(result.method).toBe("binomial");
    expect(result.riskOfOverreliance).toBeCloseTo(0.05, 12);
    // AICPA Table A-3 prints 5.2 % for 1 deviation in 90 items and 4.7 % in 100; 93 items sit just under 5 %.
    expect(result.upperDeviationLimit).toBeLessThanOrEqual(0.05);
    expect(result.upperDeviationLimit).toBeGreaterThan(0.049);
    expect(result.largePopulationSampleSize).toBeNull();
  });

  it("99 % confidence: ln(0.01) / ln(0.95) → 90 with no expected deviations", () => {
    expect(size({ confidence: 0.99, tolerableRate: 0.05, expectedRate: 0 }).sampleSize).toBe(90);
  });
});

describe("attributeSampleSize refusals and limits", () => {
  it("refuses an expected rate at or above the tolerable rate", () => {
    expect(attributeSampleSize({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.05 })).toMatchObject({ ok: false, reason: "EXPECTED_NOT_BELOW_TOLERABLE" });
    expect(attributeSampleSize({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.06 })).toMatchObject({ ok: false, reason: "EXPECTED_NOT_BELOW_TOLERABLE" });
  });

  it("stops at the maximum sample size", () => {
    expect(attributeSampleSize({ confidence: 0.95, tolerableRate: 0.02, expectedRate: 0.0125, maxSampleSize: 1000 })).toMatchObject({ ok: false, reason: "EXCEEDS_MAXIMUM" });
    expect(size({ confidence: 0.95, tolerableRate: 0.02, expectedRate: 0.0125, maxSampleSize: 1030 }).sampleSize).toBe(1030);
  });

  it.each([
    { confidence: 1, tolerableRate: 0.05, expectedRate: 0 },
    { confidence: 0, tolerableRate: 0.05, expectedRate: 0 },
    { confidence: 0.95, tolerableRate: 0, expectedRate: 0 },
    { confidence: 0.95, tolerableRate: 0.05, expectedRate: -0.01 },
    { confidence: Number.NaN, tolerableRate: 0.05, expectedRate: 0 },
    { confidence: 0.95, tolerableRate: 0.05, expectedRate: 0, populationSize: 0 },
    { confidence: 0.95, tolerableRate: 0.05, expectedRate: 0, populationSize: 10.5 },
  ])("throws on impossible input %o", (input) => {
    expect(() => attributeSampleSize(input)).toThrow(RangeError);
  });

  it("rounds the expected deviations up, without floating-point noise", () => {
    expect(expectedDeviationsFor(93, 0.0025)).toBe(1);
    expect(expectedDeviationsFor(100, 0.07)).toBe(7);
    expect(expectedDeviationsFor(59, 0)).toBe(0);
  });
});

describe("attributeSampleSize with a finite population (hypergeometric)", () => {
  it("a large population gives the binomial figure", () => {
    const result = size({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0, populationSize: 1_000_000 });
    expect(result).toMatchObject({ method: "hypergeometric", sampleSize: 59, largePopulationSampleSize: 59, examineAll: false });
  });

  it("100 records, 5 % tolerable (5 wrong records), none expected: 45", () => {
    // P(no wrong record among n) = C(95, n) / C(100, n) = C(100 − n, 5) / C(100, 5):
    // n = 44 → 3,819,816 / 75,287,520 = 0.0507 > 0.05; n = 45 → 3,478,761 / 75,287,520 = 0.0462 ≤ 0.05.
    expect(size({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0, populationSize: 100 })).toMatchObject({ sampleSize: 45, largePopulationSampleSize: 59 });
  });

  it("never asks for more than the binomial size or the population", () => {
    for (const populationSize of [1, 5, 20, 60, 150, 500, 2_000]) {
      for (const expectedRate of [0, 0.01, 0.02]) {
        const result = size({ confidence: 0.95, tolerableRate: 0.05, expectedRate, populationSize });
        expect(result.sampleSize).toBeLessThanOrEqual(Math.min(populationSize, result.largePopulationSampleSize ?? Number.POSITIVE_INFINITY));
      }
    }
  });

  it("examines every record when no smaller sample can show the rate is tolerable", () => {
    // 10 records, 5 % tolerable → a single wrong record is already too many; expecting 1 % means ⌈n × 1 %⌉ = 1 deviation allowed.
    expect(size({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.01, populationSize: 10 })).toMatchObject({ sampleSize: 10, examineAll: true });
  });
});
