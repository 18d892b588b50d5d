import { DEFAULT_COLLUSION_THRESHOLDS, type CollusionThresholds, type MakerCheckerPair } from "@/lib/domain/sampling/collusion-pairs";

/** Which of the three tests a pair passes; flagged only when all three do (lib/domain/sampling/collusion-pairs.ts). */
export type PairTests = { improbable: boolean; enoughChecks: boolean; farAboveChance: boolean };

export function pairTests(pair: MakerCheckerPair, thresholds: CollusionThresholds = DEFAULT_COLLUSION_THRESHOLDS): PairTests {
  return {
    improbable: pair.pValue < thresholds.maxPValue,
    enoughChecks: pair.observed >= thresholds.minObserved,
    farAboveChance: pair.ratio >= thresholds.minRatio,
  };
}

/**
 * What the dashboard lists: every flagged pair, then the most unusual of the rest up to `limit`
 * in all, so a reviewer sees how close the next pairs came. Pairs at or below chance are left out.
 */
export function pairsToShow(pairs: readonly MakerCheckerPair[], limit = 10): MakerCheckerPair[] {
  const flagged = pairs.filter((p) => p.flagged);
  const rest = pairs.filter((p) => !p.flagged && p.ratio > 1).slice(0, Math.max(0, limit - flagged.length));
  return [...flagged, ...rest];
}
