/**
 * Wilson score interval for a proportion (Wilson 1927): the campaign report's confidence interval
 * for the discrepancy rate. Unlike the textbook p̂ ± z·√(p̂(1−p̂)/n) it never leaves [0, 1] and does
 * not collapse to a zero-width interval when no discrepancy was found — the usual case for a
 * spot-check — which is why Newcombe (1998) and Brown, Cai & DasGupta (2001) recommend it.
 */

/** Two-sided 95 %: the 0.975 quantile of the standard normal. */
export const Z_95 = 1.959963984540054;

export type ProportionInterval = {
  successes: number;
  trials: number;
  estimate: number;
  lower: number;
  upper: number;
  z: number;
};

export function wilsonInterval(successes: number, trials: number, z: number = Z_95): ProportionInterval {
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`trials must be a whole number ≥ 1, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) throw new RangeError(`successes must be a whole number in [0, trials], got ${successes}`);
  if (!(Number.isFinite(z) && z > 0)) throw new RangeError(`z must be a positive number, got ${z}`);
  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n the bound is exactly 0 or 1; the subtraction would leave rounding dust.
  const lower = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const upper = successes === n ? 1 : Math.min(1, centre + halfWidth);
  return { successes, trials, estimate: p, lower, upper, z };
}
