/**
 * Seeded simple random sample without replacement (SPEC §3.8 "reproducible seeded random").
 * The population is first put in a canonical order — duplicates dropped, ids sorted by UTF-16
 * code unit, never by a locale or database collation — so that the same seed and the same set
 * of ids give the same draw whatever order the caller read them in.
 *
 * The draw is a partial Fisher–Yates shuffle over the sorted positions, kept sparse (only
 * swapped positions are remembered), so drawing k costs O(k) beyond the sort. Its prefix
 * property is useful to auditors: the first j ids of a draw of k are the draw of j with the same
 * seed, so enlarging a campaign's sample keeps the records already drawn.
 */
import { firstNotAscending, type IdList } from "./id-lines";
import { createSeededRandom, type SamplingSeed } from "./seeded-random";

/** Unique ids in code-unit order: the canonical order every draw starts from. */
export function canonicalPopulation(ids: Iterable<string>): string[] {
  // Sort, then drop adjacent repeats: cheaper than a Set for a million fresh strings, and
  // nearly free when the caller already reads the ids in order.
  const sorted = Array.from(ids).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[unique - 1]) sorted[unique++] = sorted[i]!;
  }
  sorted.length = unique;
  return sorted;
}

/** Draws `sampleSize` ids (all of them when the population is smaller), in draw order. */
export function seededDraw(population: Iterable<string>, sampleSize: number, seed: SamplingSeed): string[] {
  if (!Number.isInteger(sampleSize) || sampleSize < 0) throw new RangeError(`sampleSize must be a whole number ≥ 0, got ${sampleSize}`);
  const ids = canonicalPopulation(population);
  return drawPositions(ids.length, sampleSize, seed).map((position) => ids[position]!);
}

/** seededDraw for ids already unique and in code-unit order: the same draw without the sort. */
export function seededDrawOfCanonical(ids: IdList, sampleSize: number, seed: SamplingSeed): string[] {
  if (!Number.isInteger(sampleSize) || sampleSize < 0) throw new RangeError(`sampleSize must be a whole number ≥ 0, got ${sampleSize}`);
  const unordered = firstNotAscending(ids);
  if (unordered !== -1) throw new RangeError(`ids are not unique and in code-unit order at ${ids.at(unordered)}`);
  return drawPositions(ids.length, sampleSize, seed).map((position) => ids.at(position)!);
}

/** The positions (0 … size − 1) a seeded draw of `sampleSize` picks from a canonical population, in draw order. */
export function drawPositions(size: number, sampleSize: number, seed: SamplingSeed): number[] {
  const draws = Math.min(sampleSize, size);
  const random = createSeededRandom(seed);
  const swapped = new Map<number, number>();
  const at = (position: number) => swapped.get(position) ?? position;
  const drawn: number[] = [];
  for (let i = 0; i < draws; i++) {
    const j = i + random.nextBelow(size - i);
    drawn.push(at(j));
    swapped.set(j, at(i));
  }
  return drawn;
}
