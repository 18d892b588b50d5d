import "server-only";
import crypto from "node:crypto";
import { firstNotAscending, IdLines, riskWeightedDrawOfCanonical, seededDrawOfCanonical, stratifiedDrawOfCanonical, UNFLAGGED_RECORD_WEIGHT } from "@/lib/domain/sampling";
import type { SPOT_CHECK_STRATEGIES } from "@/lib/domain/spot-checks/schemas";
import type { Population } from "./select-population";

export type SpotCheckStrategy = (typeof SPOT_CHECK_STRATEGIES)[number];

/**
 * The population in code-unit order of id, the order every draw starts from. The query already
 * returns it so (COLLATE "C"), so this is normally one scan; a copy is sorted only when not.
 */
export function inCanonicalOrder(population: Population): Population {
  if (firstNotAscending(population.ids) === -1) return population;
  const ids = Array.from({ length: population.ids.length }, (_, i) => population.ids.at(i)!);
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const sorted: Population = {
    ids: order.map((i) => ids[i]!),
    riskWeights: population.riskWeights && Float64Array.from(order, (i) => population.riskWeights![i]!),
    makers: population.makers && { names: population.makers.names, codes: Uint32Array.from(order, (i) => population.makers!.codes[i]!) },
  };
  if (firstNotAscending(sorted.ids) !== -1) throw new RangeError("a merchant appears twice in the population");
  return sorted;
}

/** SHA-256 over the population's ids in code-unit order, one per line: checks a re-run used the same population. */
export function populationHash(canonical: Population): string {
  // The lines as received are the canonical text when inCanonicalOrder kept them (decision 034).
  const { ids } = canonical;
  const text = ids instanceof IdLines ? ids.text : Array.from({ length: ids.length }, (_, i) => ids.at(i)!).join("\n");
  return crypto.createHash("sha256").update(text).digest("hex");
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
