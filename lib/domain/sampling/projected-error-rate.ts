/**
 * What a campaign's results say about the whole population (SPEC §3.8 "estimated population
 * error rate with its confidence interval").
 *
 * - Simple random and clerk-stratified campaigns: the sample discrepancy rate is the projected
 *   population error rate (proportional allocation makes a stratified sample self-weighting, up
 *   to the rounding and the one-per-clerk minimum), with its 95 % Wilson interval, scaled to a
 *   count of wrong records when the population size is known. For the attribute-sampling verdict
 *   the exact one-sided upper limit at the campaign's confidence is compared with the tolerable
 *   rate, as in the AICPA evaluation tables.
 * - Risk-weighted campaigns over-sample risky records, so their raw rate overstates the
 *   population's. `projectRiskWeightedErrorRate` reweights each checked record by the inverse of
 *   its draw weight (a Hájek estimator with inclusion probabilities taken as proportional to
 *   weight, which holds while the sample is a small fraction of the population).
 */
import { binomialUpperLimit } from "./distributions";
import { wilsonInterval, Z_95, type ProportionInterval } from "./wilson-interval";

export type SpotCheckTally = {
  /** Items with an outcome of confirmed or discrepancy; unreachable items are not evidence either way. */
  examined: number;
  discrepancies: number;
};

export type ErrorRateProjectionInput = SpotCheckTally & {
  populationSize?: number;
  /** Confidence of the one-sided upper limit; the campaign's planning confidence (default 0.95). */
  confidence?: number;
  tolerableRate?: number;
};

export type ErrorRateProjection = {
  examined: number;
  discrepancies: number;
  /** Discrepancies / examined: the projected population error rate. */
  sampleRate: number;
  wilson95: ProportionInterval;
  /** Projected wrong records in the population (rate × N) with the interval scaled alike; null without a population size. */
  projectedWrongRecords: { estimate: number; lower: number; upper: number } | null;
  confidence: number;
  /** Exact one-sided upper limit of the error rate at `confidence`. */
  upperDeviationLimit: number;
  /** True when the upper limit is within the tolerable rate; null when no tolerable rate was given. */
  withinTolerableRate: boolean | null;
};

/** Null until at least one item has been examined. */
export function projectPopulationErrorRate(input: ErrorRateProjectionInput): ErrorRateProjection | null {
  const { examined, discrepancies, populationSize, tolerableRate } = input;
  const confidence = input.confidence ?? 0.95;
  if (examined === 0 && discrepancies === 0) return null;
  if (populationSize !== undefined && !(Number.isInteger(populationSize) && populationSize >= examined)) {
    throw new RangeError(`populationSize must be a whole number ≥ examined, got ${populationSize}`);
  }
  if (tolerableRate !== undefined && !(tolerableRate > 0 && tolerableRate < 1)) throw new RangeError(`tolerableRate must be in (0, 1), got ${tolerableRate}`);
  const wilson95 = wilsonInterval(discrepancies, examined, Z_95);
  const upperDeviationLimit = binomialUpperLimit(discrepancies, examined, confidence);
  return {
    examined,
    discrepancies,
    sampleRate: wilson95.estimate,
    wilson95,
    projectedWrongRecords:
      populationSize === undefined
        ? null
        : { estimate: wilson95.estimate * populationSize, lower: wilson95.lower * populationSize, upper: wilson95.upper * populationSize },
    confidence,
    upperDeviationLimit,
    withinTolerableRate: tolerableRate === undefined ? null : upperDeviationLimit <= tolerableRate,
  };
}

export type WeightedOutcome = {
  /** The weight the record was drawn with (after the zero-weight floor). */
  weight: number;
  discrepancy: boolean;
};

/**
 * Population error rate estimated from a risk-weighted sample: Σ over discrepancies of 1/w
 * divided by Σ over examined records of 1/w. Null until something has been examined.
 */
export function projectRiskWeightedErrorRate(examined: readonly WeightedOutcome[]): number | null {
  if (examined.length === 0) return null;
  let wrong = 0;
  let all = 0;
  for (const { weight, discrepancy } of examined) {
    if (!(Number.isFinite(weight) && weight > 0)) throw new RangeError(`weight must be a finite number > 0, got ${weight}`);
    all += 1 / weight;
    if (discrepancy) wrong += 1 / weight;
  }
  return wrong / all;
}
