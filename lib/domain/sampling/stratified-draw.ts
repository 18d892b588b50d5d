/**
 * Spot-check sample stratified by the clerk who entered each record (SPEC §3.8): the sample is
 * split over clerks in proportion to how many records each entered (proportional-allocation.ts),
 * then each clerk's share is a seeded simple random draw from that clerk's records. Each stratum
 * draws with its own seed derived from the campaign seed and the stratum key, so one clerk's
 * draw does not depend on the others'.
 */
import { firstNotAscending, type IdList } from "./id-lines";
import { allocateProportionally, type StratumAllocation } from "./proportional-allocation";
import { drawPositions, seededDraw } from "./seeded-draw";
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

/**
 * stratifiedDraw for a population already in canonical order — ids unique and ascending by code
 * unit — with each record's stratum given as a small integer (`strata[i]` names stratum
 * `stratumOf[i]`). Each stratum's ids, taken in that order, are already canonical, so every
 * stratum is drawn by position: the same draw as stratifiedDraw, without a million objects.
 */
export function stratifiedDrawOfCanonical(ids: IdList, stratumOf: Uint32Array, strata: readonly string[], sampleSize: number, seed: SamplingSeed): StratifiedDraw {
  if (stratumOf.length !== ids.length) throw new RangeError(`${ids.length} ids but ${stratumOf.length} strata`);
  if (new Set(strata).size !== strata.length) throw new RangeError("a stratum is named twice");
  const counts = new Uint32Array(strata.length);
  const unordered = firstNotAscending(ids);
  if (unordered !== -1) throw new RangeError(`records are not in canonical order at ${ids.at(unordered)}`);
  for (let i = 0; i < stratumOf.length; i++) {
    const stratum = stratumOf[i]!;
    if (stratum >= strata.length) throw new RangeError(`record ${ids.at(i)} is in an unnamed stratum ${stratum}`);
    counts[stratum]!++;
  }
  // Each stratum's record indices, ascending, in one array (counting sort).
  const starts = new Uint32Array(strata.length + 1);
  for (let s = 0; s < strata.length; s++) starts[s + 1] = starts[s]! + counts[s]!;
  const members = new Uint32Array(ids.length);
  const filled = starts.slice(0, strata.length);
  for (let i = 0; i < ids.length; i++) members[filled[stratumOf[i]!]!++] = i;

  const code = new Map(strata.map((stratum, s) => [stratum, s]));
  const allocation = allocateProportionally(
    strata.flatMap((stratum, s) => (counts[s]! > 0 ? [{ stratum, populationSize: counts[s]! }] : [])),
    sampleSize,
  );
  const drawn = allocation.flatMap(({ stratum, sampleSize: stratumSampleSize }) => {
    const start = starts[code.get(stratum)!]!;
    return drawPositions(counts[code.get(stratum)!]!, stratumSampleSize, stratumSeed(seed, stratum)).map((p) => ({ id: ids.at(members[start + p]!)!, stratum }));
  });
  return { drawn, allocation };
}
