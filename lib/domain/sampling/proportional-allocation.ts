/**
 * Splits a sample over strata (for spot-checks: the clerks who entered the records) in proportion
 * to their sizes, by largest remainder (Hamilton's method) so that the parts add up to exactly the
 * sample size. When the sample is at least the number of strata, every stratum gets at least one
 * record, so no clerk's work goes unchecked; the extra ones are taken back from the strata furthest
 * above their exact share. No stratum gets more than it has.
 *
 * Remainders are compared as integers (k·Nₕ − aₕ·N, i.e. N × (exact share − allocation)), so ties
 * are real ties and are broken the same way everywhere: larger stratum first, then stratum key.
 */

export type StratumSize = { stratum: string; populationSize: number };

export type StratumAllocation = {
  stratum: string;
  populationSize: number;
  /** Exact proportional share k·Nₕ/N, for the report. */
  quota: number;
  sampleSize: number;
};

type Working = StratumAllocation & { minimum: number };

export function allocateProportionally(strata: readonly StratumSize[], sampleSize: number): StratumAllocation[] {
  if (!Number.isInteger(sampleSize) || sampleSize < 0) throw new RangeError(`sampleSize must be a whole number ≥ 0, got ${sampleSize}`);
  const seen = new Set<string>();
  for (const { stratum, populationSize } of strata) {
    if (!Number.isInteger(populationSize) || populationSize < 0) throw new RangeError(`populationSize of ${stratum} must be a whole number ≥ 0, got ${populationSize}`);
    if (seen.has(stratum)) throw new RangeError(`stratum ${stratum} appears twice`);
    seen.add(stratum);
  }

  const total = strata.reduce((sum, s) => sum + s.populationSize, 0);
  const k = Math.min(sampleSize, total);
  const nonEmpty = strata.filter((s) => s.populationSize > 0).length;
  const guaranteeOne = k >= nonEmpty;

  const working: Working[] = [...strata]
    .sort((a, b) => (a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : 0))
    .map(({ stratum, populationSize }) => {
      const minimum = guaranteeOne && populationSize > 0 ? 1 : 0;
      const floorShare = total === 0 ? 0 : Math.floor((k * populationSize) / total);
      return { stratum, populationSize, quota: total === 0 ? 0 : (k * populationSize) / total, sampleSize: Math.max(minimum, floorShare), minimum };
    });

  // N × (exact share − allocation): positive while a stratum is below its share.
  const shortfall = (s: Working) => k * s.populationSize - s.sampleSize * total;
  const byShortfall = (a: Working, b: Working) => shortfall(b) - shortfall(a) || b.populationSize - a.populationSize || (a.stratum < b.stratum ? -1 : 1);

  let allocated = working.reduce((sum, s) => sum + s.sampleSize, 0);
  while (allocated < k) {
    const next = working.filter((s) => s.sampleSize < s.populationSize).sort(byShortfall)[0]!;
    next.sampleSize++;
    allocated++;
  }
  while (allocated > k) {
    const candidates = working.filter((s) => s.sampleSize > s.minimum).sort(byShortfall);
    candidates[candidates.length - 1]!.sampleSize--;
    allocated--;
  }
  return working.map(({ stratum, populationSize, quota, sampleSize: allocation }) => ({ stratum, populationSize, quota, sampleSize: allocation }));
}
