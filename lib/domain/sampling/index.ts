/**
 * Spot-check sampling (SPEC §3.8, §3.11; issue 5): pure functions, no I/O. The server reads the
 * population and counts, calls these, and stores what they return — see
 * docs/decisions/007-spot-check-sampling.md.
 */
export { attributeSampleSize, expectedDeviationsFor, DEFAULT_MAX_SAMPLE_SIZE } from "./sample-size";
export type { SampleSize, SampleSizeInput, SampleSizeMethod, SampleSizeRefusal } from "./sample-size";

export { createSeededRandom, mulberry32, seedFromString } from "./seeded-random";
export type { SamplingSeed, SeededRandom } from "./seeded-random";

export { firstNotAscending, IdLines } from "./id-lines";
export type { IdList } from "./id-lines";
export { canonicalPopulation, drawPositions, seededDraw, seededDrawOfCanonical } from "./seeded-draw";
export { riskWeightedDraw, riskWeightedDrawOfCanonical, zeroWeightFloorFor } from "./weighted-draw";
export type { WeightedDrawOptions, WeightedRecord } from "./weighted-draw";
export { riskWeightOfFlags, RISK_SEVERITY_WEIGHTS, UNFLAGGED_RECORD_WEIGHT } from "./risk-weight";

export { allocateProportionally } from "./proportional-allocation";
export type { StratumAllocation, StratumSize } from "./proportional-allocation";
export { stratifiedDraw, stratifiedDrawOfCanonical, stratumSeed } from "./stratified-draw";
export type { StratifiedDraw, StratifiedRecord } from "./stratified-draw";

export { assignSpotCheckItems, conflictsOfInterest, mayCheck } from "./assignment";
export type { AssignableItem, Assignment, AssignmentPlan, AuditorConflict, AuditorLoad, ConflictRole, SpotCheckParties, UnassignedItem } from "./assignment";

export { wilsonInterval, Z_95 } from "./wilson-interval";
export type { ProportionInterval } from "./wilson-interval";
export { projectPopulationErrorRate, projectRiskWeightedErrorRate } from "./projected-error-rate";
export type { ErrorRateProjection, ErrorRateProjectionInput, SpotCheckTally, WeightedOutcome } from "./projected-error-rate";

export { DEFAULT_COLLUSION_THRESHOLDS, findUnusualMakerCheckerPairs } from "./collusion-pairs";
export type { CheckerRole, CollusionThresholds, MakerCheckerCount, MakerCheckerPair } from "./collusion-pairs";

export { binomialCdf, binomialUpperLimit, binomialUpperTail, hypergeometricCdf } from "./distributions";
