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
  // Sorted by id, a repeated record sits next to itself: no per-record Map, which at a million
  // records costs more than the draw (and a population read in id order sorts in one pass).
  const sorted = Array.from(records).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const idsByStratum = new Map<string, string[]>();
  for (let i = 0; i < sorted.length; i++) {
    const { id, stratum } = sorted[i]!;
    const previous = i > 0 ? sorted[i - 1]! : undefined;
    if (previous?.id === id) {
      if (previous.stratum !== stratum) throw new RangeError(`record ${id} is in two strata (${previous.stratum}, ${stratum})`);
      continue;
    }
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
