import "server-only";
import crypto from "node:crypto";
import { riskWeightedDrawOfCanonical, seededDrawOfCanonical, stratifiedDrawOfCanonical, UNFLAGGED_RECORD_WEIGHT } from "@/lib/domain/sampling";
import type { SPOT_CHECK_STRATEGIES } from "@/lib/domain/spot-checks/schemas";
import type { Population } from "./select-population";

export type SpotCheckStrategy = (typeof SPOT_CHECK_STRATEGIES)[number];

/**
 * The population in code-unit order of id, the order every draw starts from. The query already
 * returns it so (COLLATE "C"), so this is normally one scan; a copy is sorted only when not.
 */
export function inCanonicalOrder(population: Population): Population {
  const ordered = (ids: readonly string[]) => ids.every((id, i) => i === 0 || ids[i - 1]! < id);
  if (ordered(population.ids)) return population;
  const order = population.ids.map((_, i) => i).sort((a, b) => (population.ids[a]! < population.ids[b]! ? -1 : population.ids[a]! > population.ids[b]! ? 1 : 0));
  // Sorted here, the ids no longer match the text they came in: idsText is dropped.
  const sorted: Population = {
    ids: order.map((i) => population.ids[i]!),
    riskWeights: population.riskWeights && Float64Array.from(order, (i) => population.riskWeights![i]!),
    makers: population.makers && { names: population.makers.names, codes: Uint32Array.from(order, (i) => population.makers!.codes[i]!) },
  };
  if (!ordered(sorted.ids)) throw new RangeError("a merchant appears twice in the population");
  return sorted;
}

/** SHA-256 over the population's ids in code-unit order, one per line: checks a re-run used the same population. */
export function populationHash(canonical: Population): string {
  return crypto.createHash("sha256").update(canonical.idsText ?? canonical.ids.join("\n")).digest("hex");
}

/** The weight a record was drawn with: its risk weight (floored) for risk-weighted draws, 1 otherwise. */
export function drawWeightOf(record: { riskWeight: number }, strategy: SpotCheckStrategy): number {
  return strategy === "RISK_WEIGHTED" ? record.riskWeight || UNFLAGGED_RECORD_WEIGHT : 1;
}

/**
 * The merchant ids drawn, in draw order; the same population, size and seed always give the same
 * list. The population is canonical already, so the domain's draws run on it as it is (the
 * draws are decision 007's, unchanged; decision 034).
 */
export function drawSample(canonical: Population, sampleSize: number, strategy: SpotCheckStrategy, seed: string): string[] {
  const { ids, riskWeights, makers } = canonical;
  if (strategy === "SIMPLE") return seededDrawOfCanonical(ids, sampleSize, seed);
  if (strategy === "RISK_WEIGHTED") {
    if (!riskWeights) throw new Error("a risk-weighted draw needs the population's risk weights");
    return riskWeightedDrawOfCanonical(ids, riskWeights, sampleSize, seed, { zeroWeightFloor: UNFLAGGED_RECORD_WEIGHT });
  }
  if (!makers) throw new Error("a stratified draw needs the population's makers");
  return stratifiedDrawOfCanonical(ids, makers.codes, makers.names, sampleSize, seed).drawn.map((d) => d.id);
}
