/**
 * Attribute-sampling sample size for a spot-check campaign (SPEC §3.8): how many records to check
 * so that, if no more than the expected share of them is wrong, we can say with the chosen
 * confidence that the population's error rate is below the tolerable rate.
 *
 * Method of the AICPA Audit Sampling guide, Tables: the smallest n for which, with the
 * expected number of deviations k = ⌈n × expected rate⌉ found in the sample, the exact one-sided
 * upper limit of the deviation rate is ≤ the tolerable rate, i.e.
 *     P(X ≤ k | X ~ Binomial(n, tolerable)) ≤ 1 − confidence.
 * With a population size, the same test uses the hypergeometric distribution (sampling without
 * replacement from N records of which ⌈N × tolerable⌉ would be wrong), which is exact for small
 * populations and converges to the binomial figure for large ones.
 */
import { binomialCdf, binomialUpperLimit, hypergeometricCdf } from "./distributions";

export type SampleSizeInput = {
  /** e.g. 0.90, 0.95, 0.99; the risk of overreliance is 1 − confidence. */
  confidence: number;
  /** Highest error rate in the population we can accept, e.g. 0.05. */
  tolerableRate: number;
  /** Error rate we expect to find, e.g. 0.01; must be below the tolerable rate. */
  expectedRate: number;
  /** Number of records in the population; when given, the exact finite-population size is computed. */
  populationSize?: number;
  /** Stop searching beyond this size (default 10,000). */
  maxSampleSize?: number;
};

export type SampleSizeMethod = "binomial" | "hypergeometric";

export type SampleSize = {
  ok: true;
  inputs: SampleSizeInput;
  method: SampleSizeMethod;
  riskOfOverreliance: number;
  sampleSize: number;
  /** The parenthetical number of the AICPA table: deviations the sample may contain and still support the conclusion. */
  expectedDeviations: number;
  /** Exact one-sided upper limit of the error rate if exactly `expectedDeviations` are found (binomial). */
  upperDeviationLimit: number;
  /** The large-population (binomial) size, for comparison when a population size was given. */
  largePopulationSampleSize: number | null;
  /** True when no sample smaller than the population suffices: check every record. */
  examineAll: boolean;
};

export type SampleSizeRefusal = {
  ok: false;
  inputs: SampleSizeInput;
  reason: "EXPECTED_NOT_BELOW_TOLERABLE" | "EXCEEDS_MAXIMUM";
};

export const DEFAULT_MAX_SAMPLE_SIZE = 10_000;

// n × rate in floating point can land a hair above a whole number (100 × 0.07 = 7.000000000000001).
const FLOAT_SLACK = 1e-9;

/** AICPA convention: the expected number of deviations in a sample of n, rounded up. */
export function expectedDeviationsFor(sampleSize: number, expectedRate: number): number {
  return Math.max(0, Math.ceil(sampleSize * expectedRate - FLOAT_SLACK));
}

function assertRate(name: string, value: number, allowZero: boolean) {
  const ok = allowZero ? value >= 0 && value < 1 : value > 0 && value < 1;
  if (!ok) throw new RangeError(`${name} must be in ${allowZero ? "[0, 1)" : "(0, 1)"}, got ${value}`);
}

function assertInput(input: SampleSizeInput) {
  assertRate("confidence", input.confidence, false);
  assertRate("tolerableRate", input.tolerableRate, false);
  assertRate("expectedRate", input.expectedRate, true);
  const { populationSize, maxSampleSize } = input;
  if (populationSize !== undefined && !(Number.isInteger(populationSize) && populationSize >= 1)) {
    throw new RangeError(`populationSize must be a whole number ≥ 1, got ${populationSize}`);
  }
  if (maxSampleSize !== undefined && !(Number.isInteger(maxSampleSize) && maxSampleSize >= 1)) {
    throw new RangeError(`maxSampleSize must be a whole number ≥ 1, got ${maxSampleSize}`);
  }
}

/** Smallest n ≤ limit passing `acceptable(n, k)`, or null. */
function smallestSampleSize(limit: number, expectedRate: number, acceptable: (n: number, k: number) => boolean): number | null {
  for (let n = 1; n <= limit; n++) {
    const k = expectedDeviationsFor(n, expectedRate);
    if (k < n && acceptable(n, k)) return n;
  }
  return null;
}

export function attributeSampleSize(input: SampleSizeInput): SampleSize | SampleSizeRefusal {
  assertInput(input);
  const { confidence, tolerableRate, expectedRate, populationSize } = input;
  if (expectedRate >= tolerableRate) return { ok: false, inputs: input, reason: "EXPECTED_NOT_BELOW_TOLERABLE" };
  const risk = 1 - confidence;
  const maxSampleSize = input.maxSampleSize ?? DEFAULT_MAX_SAMPLE_SIZE;

  const binomialSize = smallestSampleSize(maxSampleSize, expectedRate, (n, k) => binomialCdf(k, n, tolerableRate) <= risk);

  const result = (method: SampleSizeMethod, sampleSize: number, examineAll: boolean): SampleSize => {
    const expectedDeviations = expectedDeviationsFor(sampleSize, expectedRate);
    return {
      ok: true,
      inputs: input,
      method,
      riskOfOverreliance: risk,
      sampleSize,
      expectedDeviations,
      upperDeviationLimit: binomialUpperLimit(Math.min(expectedDeviations, sampleSize), sampleSize, confidence),
      largePopulationSampleSize: method === "hypergeometric" ? binomialSize : null,
      examineAll,
    };
  };

  if (populationSize === undefined) {
    return binomialSize === null ? { ok: false, inputs: input, reason: "EXCEEDS_MAXIMUM" } : result("binomial", binomialSize, false);
  }

  const tolerableDeviations = Math.ceil(populationSize * tolerableRate - FLOAT_SLACK);
  const limit = Math.min(populationSize, maxSampleSize);
  const finiteSize = smallestSampleSize(limit, expectedRate, (n, k) => hypergeometricCdf(k, populationSize, tolerableDeviations, n) <= risk);
  if (finiteSize !== null) return result("hypergeometric", finiteSize, finiteSize === populationSize);
  if (populationSize <= maxSampleSize) return result("hypergeometric", populationSize, true);
  return { ok: false, inputs: input, reason: "EXCEEDS_MAXIMUM" };
}
