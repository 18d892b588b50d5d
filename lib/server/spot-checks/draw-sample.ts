import "server-only";
import crypto from "node:crypto";
import { riskWeightedDraw, seededDraw, stratifiedDraw, UNFLAGGED_RECORD_WEIGHT } from "@/lib/domain/sampling";
import type { SPOT_CHECK_STRATEGIES } from "@/lib/domain/spot-checks/schemas";
import type { PopulationRecord } from "./select-population";

export type SpotCheckStrategy = (typeof SPOT_CHECK_STRATEGIES)[number];
export type DrawnRecord = PopulationRecord & { drawWeight: number };

/**
 * The population in code-unit order of id, the order every draw starts from. The query already
 * returns it so (COLLATE "C"), so this is normally one scan; a copy is sorted only when not.
 * No per-id Map: at a million records building one costs more than the draw itself.
 */
export function inCanonicalOrder(records: readonly PopulationRecord[]): readonly PopulationRecord[] {
  const ordered = (list: readonly PopulationRecord[]) => list.every((r, i) => i === 0 || list[i - 1]!.merchantId < r.merchantId);
  if (ordered(records)) return records;
  const sorted = [...records].sort((a, b) => (a.merchantId < b.merchantId ? -1 : a.merchantId > b.merchantId ? 1 : 0));
  if (!ordered(sorted)) throw new RangeError("a merchant appears twice in the population");
  return sorted;
}

/** SHA-256 over the population's ids in code-unit order, one per line: checks a re-run used the same population. */
export function populationHash(canonical: readonly PopulationRecord[]): string {
  return crypto.createHash("sha256").update(canonical.map((r) => r.merchantId).join("\n")).digest("hex");
}

/** The weight a record was drawn with: its risk weight (floored) for risk-weighted draws, 1 otherwise. */
export function drawWeightOf(record: PopulationRecord, strategy: SpotCheckStrategy): number {
  return strategy === "RISK_WEIGHTED" ? record.riskWeight || UNFLAGGED_RECORD_WEIGHT : 1;
}

function findById(canonical: readonly PopulationRecord[], id: string): PopulationRecord {
  let [lo, hi] = [0, canonical.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = canonical[mid]!.merchantId;
    if (at === id) return canonical[mid]!;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`drawn id ${id} is not in the population`);
}

/** The records drawn, in draw order; the same population, size and seed always give the same list. */
export function drawSample(canonical: readonly PopulationRecord[], sampleSize: number, strategy: SpotCheckStrategy, seed: string): DrawnRecord[] {
  let ids: string[];
  if (strategy === "SIMPLE") ids = seededDraw(canonical.map((r) => r.merchantId), sampleSize, seed);
  else if (strategy === "RISK_WEIGHTED") {
    ids = riskWeightedDraw(canonical.map((r) => ({ id: r.merchantId, weight: r.riskWeight })), sampleSize, seed, { zeroWeightFloor: UNFLAGGED_RECORD_WEIGHT });
  } else ids = stratifiedDraw(canonical.map((r) => ({ id: r.merchantId, stratum: r.makerId })), sampleSize, seed).drawn.map((d) => d.id);
  return ids.map((id) => {
    const record = findById(canonical, id);
    return { ...record, drawWeight: drawWeightOf(record, strategy) };
  });
}
