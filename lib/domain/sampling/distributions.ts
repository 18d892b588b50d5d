/**
 * Binomial and hypergeometric probabilities for attribute sampling and the collusion test.
 * Everything is summed in log space: (1 − p)^n underflows to 0 for the sample sizes and
 * dashboard counts we see (0.8^5000 ≈ 1e-485), and tail probabilities of 1e-30 must stay
 * distinguishable from 0.
 */

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error ≈ 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0]!;
  for (let i = 1; i < LANCZOS_G + 2; i++) series += LANCZOS_COEFFICIENTS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/** ln C(n, k); −∞ when k is outside 0…n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  if (k === 0 || k === n) return 0;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

function logSumExp(logTerms: number[]): number {
  const max = Math.max(...logTerms);
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (const t of logTerms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}

function logBinomialPmf(i: number, n: number, p: number): number {
  if (p === 0) return i === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (p === 1) return i === n ? 0 : Number.NEGATIVE_INFINITY;
  return logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p);
}

function assertCount(name: string, value: number) {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

function assertProbability(p: number) {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  assertCount("n", n);
  assertProbability(p);
  if (k < 0) return 0;
  if (k >= n) return 1;
  const terms: number[] = [];
  for (let i = 0; i <= k; i++) terms.push(logBinomialPmf(i, n, p));
  return Math.min(1, Math.exp(logSumExp(terms)));
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed directly so that tiny tails keep their digits. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  assertCount("n", n);
  assertProbability(p);
  if (k <= 0) return 1;
  if (k > n) return 0;
  const terms: number[] = [];
  for (let i = k; i <= n; i++) terms.push(logBinomialPmf(i, n, p));
  return Math.min(1, Math.exp(logSumExp(terms)));
}

/**
 * P(X ≤ k) for X ~ Hypergeometric: `sampleSize` drawn without replacement from `populationSize`
 * items of which `successes` are deviations.
 */
export function hypergeometricCdf(k: number, populationSize: number, successes: number, sampleSize: number): number {
  assertCount("populationSize", populationSize);
  assertCount("successes", successes);
  assertCount("sampleSize", sampleSize);
  if (successes > populationSize || sampleSize > populationSize) throw new RangeError("successes and sampleSize must not exceed populationSize");
  const low = Math.max(0, sampleSize - (populationSize - successes));
  const high = Math.min(sampleSize, successes);
  if (k < low) return 0;
  if (k >= high) return 1;
  const logTotal = logChoose(populationSize, sampleSize);
  const terms: number[] = [];
  for (let i = low; i <= k; i++) terms.push(logChoose(successes, i) + logChoose(populationSize - successes, sampleSize - i) - logTotal);
  return Math.min(1, Math.exp(logSumExp(terms)));
}

/**
 * Exact (Clopper–Pearson) one-sided upper confidence limit for a proportion: the p at which
 * P(X ≤ deviations | n, p) = 1 − confidence. This is what the AICPA evaluation tables print.
 */
export function binomialUpperLimit(deviations: number, n: number, confidence: number): number {
  assertCount("deviations", deviations);
  assertCount("n", n);
  if (deviations > n) throw new RangeError("deviations must not exceed n");
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (deviations === n) return 1;
  const risk = 1 - confidence;
  let low = deviations / n;
  let high = 1;
  for (let i = 0; i < 100 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2;
    if (binomialCdf(deviations, n, mid) > risk) low = mid;
    else high = mid;
  }
  return high;
}
