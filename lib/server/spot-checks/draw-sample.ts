import "server-only";
import crypto from "node:crypto";
import { canonicalPopulation, riskWeightedDraw, seededDraw, stratifiedDraw, UNFLAGGED_RECORD_WEIGHT } from "@/lib/domain/sampling";
import type { SPOT_CHECK_STRATEGIES } from "@/lib/domain/spot-checks/schemas";
import type { PopulationRecord } from "./select-population";

export type SpotCheckStrategy = (typeof SPOT_CHECK_STRATEGIES)[number];
export type DrawnRecord = PopulationRecord & { drawWeight: number };

/** SHA-256 over the population's ids in code-unit order, one per line: checks a re-run used the same population. */
export function populationHash(records: readonly PopulationRecord[]): string {
  const hash = crypto.createHash("sha256");
  canonicalPopulation(records.map((r) => r.merchantId)).forEach((id, i) => hash.update(i === 0 ? id : `\n${id}`));
  return hash.digest("hex");
}

/** The weight a record was drawn with: its risk weight (floored) for risk-weighted draws, 1 otherwise. */
export function drawWeightOf(record: PopulationRecord, strategy: SpotCheckStrategy): number {
  return strategy === "RISK_WEIGHTED" ? record.riskWeight || UNFLAGGED_RECORD_WEIGHT : 1;
}

/** The records drawn, in draw order; the same population, size and seed always give the same list. */
export function drawSample(records: readonly PopulationRecord[], sampleSize: number, strategy: SpotCheckStrategy, seed: string): DrawnRecord[] {
  const byId = new Map(records.map((r) => [r.merchantId, r]));
  let ids: string[];
  if (strategy === "SIMPLE") ids = seededDraw(byId.keys(), sampleSize, seed);
  else if (strategy === "RISK_WEIGHTED") {
    ids = riskWeightedDraw(records.map((r) => ({ id: r.merchantId, weight: r.riskWeight })), sampleSize, seed, { zeroWeightFloor: UNFLAGGED_RECORD_WEIGHT });
  } else ids = stratifiedDraw(records.map((r) => ({ id: r.merchantId, stratum: r.makerId })), sampleSize, seed).drawn.map((d) => d.id);
  return ids.map((id) => {
    const record = byId.get(id)!;
    return { ...record, drawWeight: drawWeightOf(record, strategy) };
  });
}
