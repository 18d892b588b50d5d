/**
 * Spot-check sample stratified by the clerk who entered each record (SPEC §3.8): the sample is
 * split over clerks in proportion to how many records each entered (proportional-allocation.ts),
 * then each clerk's share is a seeded simple random draw from that clerk's records. Each stratum
 * draws with its own seed derived from the campaign seed and the stratum key, so one clerk's
 * draw does not depend on the others'.
 */
import { allocateProportionally, type StratumAllocation } from "./proportional-allocation";
import { seededDraw } from "./seeded-draw";
import type { SamplingSeed } from "./seeded-random";

export type StratifiedRecord = { id: string; stratum: string };

export type StratifiedDraw = {
  /** Drawn records, stratum by stratum (in stratum key order), each stratum in draw order. */
  drawn: StratifiedRecord[];
  allocation: StratumAllocation[];
};

/** The seed of one stratum's draw. */
export function stratumSeed(seed: SamplingSeed, stratum: string): string {
  return `${String(seed)}\u001f${stratum}`;
}

export function stratifiedDraw(records: Iterable<StratifiedRecord>, sampleSize: number, seed: SamplingSeed): StratifiedDraw {
  const idsByStratum = new Map<string, string[]>();
  const stratumOf = new Map<string, string>();
  for (const { id, stratum } of records) {
    const known = stratumOf.get(id);
    if (known !== undefined && known !== stratum) throw new RangeError(`record ${id} is in two strata (${known}, ${stratum})`);
    if (known !== undefined) continue;
    stratumOf.set(id, stratum);
    const ids = idsByStratum.get(stratum);
    if (ids) ids.push(id);
    else idsByStratum.set(stratum, [id]);
  }

  const allocation = allocateProportionally(
    [...idsByStratum].map(([stratum, ids]) => ({ stratum, populationSize: ids.length })),
    sampleSize,
  );
  const drawn = allocation.flatMap(({ stratum, sampleSize: stratumSampleSize }) =>
    seededDraw(idsByStratum.get(stratum) ?? [], stratumSampleSize, stratumSeed(seed, stratum)).map((id) => ({ id, stratum })),
  );
  return { drawn, allocation };
}
