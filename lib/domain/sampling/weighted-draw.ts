/**
 * Risk-weighted sample without replacement (SPEC §3.8 "risk-weighted"): each record's chance of
 * being drawn grows with its risk weight. Efraimidis & Spirakis (2006), "Weighted random sampling
 * with a reservoir", algorithm A-Res: every record gets the key u^(1/w) with u uniform on (0, 1]
 * and the k largest keys win; this is exactly successive sampling where each next record is
 * picked with probability proportional to its weight among those left. We compare ln(u) / w,
 * the same order without u^(1/w) underflowing to 0 for small weights.
 *
 * Records are put in id order before the keys are drawn, so the same seed and records give the
 * same draw whatever order they arrive in. The result is in draw order (largest key first), so
 * as with the simple draw a larger sample keeps the records of a smaller one.
 */
import { createSeededRandom, type SamplingSeed } from "./seeded-random";

export type WeightedRecord = { id: string; weight: number };

export type WeightedDrawOptions = {
  /**
   * Weight given to records whose weight is 0, so that no record is impossible to draw.
   * Default: half the smallest positive weight (1 when every weight is 0, i.e. a simple draw).
   */
  zeroWeightFloor?: number;
};

type Keyed = { index: number; key: number };

/** Larger key first; on a tie the earlier record in id order. */
const outranks = (a: Keyed, b: Keyed) => a.key > b.key || (a.key === b.key && a.index < b.index);

/** Fixed-capacity heap whose root is the weakest of the k best keys seen so far. */
class WeakestFirstHeap {
  readonly items: Keyed[] = [];
  constructor(private readonly capacity: number) {}

  offer(candidate: Keyed) {
    const items = this.items;
    if (items.length < this.capacity) {
      items.push(candidate);
      this.siftUp(items.length - 1);
    } else if (items.length > 0 && outranks(candidate, items[0]!)) {
      items[0] = candidate;
      this.siftDown(0);
    }
  }

  private siftUp(i: number) {
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!outranks(items[parent]!, items[i]!)) return;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  private siftDown(i: number) {
    const items = this.items;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let weakest = i;
      if (left < items.length && outranks(items[weakest]!, items[left]!)) weakest = left;
      if (right < items.length && outranks(items[weakest]!, items[right]!)) weakest = right;
      if (weakest === i) return;
      [items[weakest], items[i]] = [items[i]!, items[weakest]!];
      i = weakest;
    }
  }
}

function canonicalRecords(records: Iterable<WeightedRecord>): WeightedRecord[] {
  const sorted = Array.from(records).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    const { id, weight } = sorted[i]!;
    if (!(Number.isFinite(weight) && weight >= 0)) throw new RangeError(`weight of ${id} must be a finite number ≥ 0, got ${weight}`);
    if (i > 0 && sorted[i - 1]!.id === id) throw new RangeError(`record ${id} appears twice`);
  }
  return sorted;
}

/** The floor used for zero weights (see WeightedDrawOptions). */
export function zeroWeightFloorFor(weights: Iterable<number>, requested?: number): number {
  if (requested !== undefined) {
    if (!(Number.isFinite(requested) && requested > 0)) throw new RangeError(`zeroWeightFloor must be a finite number > 0, got ${requested}`);
    return requested;
  }
  let smallestPositive = Number.POSITIVE_INFINITY;
  for (const w of weights) if (w > 0 && w < smallestPositive) smallestPositive = w;
  return Number.isFinite(smallestPositive) ? smallestPositive / 2 : 1;
}

/** Draws `sampleSize` ids (all of them when there are fewer records), in draw order. */
export function riskWeightedDraw(records: Iterable<WeightedRecord>, sampleSize: number, seed: SamplingSeed, options: WeightedDrawOptions = {}): string[] {
  if (!Number.isInteger(sampleSize) || sampleSize < 0) throw new RangeError(`sampleSize must be a whole number ≥ 0, got ${sampleSize}`);
  const sorted = canonicalRecords(records);
  const floor = zeroWeightFloorFor(sorted.map((r) => r.weight), options.zeroWeightFloor);
  const random = createSeededRandom(seed);
  const heap = new WeakestFirstHeap(Math.min(sampleSize, sorted.length));
  for (let index = 0; index < sorted.length; index++) {
    const weight = sorted[index]!.weight || floor;
    const u = 1 - random.nextFloat(); // (0, 1]: ln(u) is finite
    heap.offer({ index, key: Math.log(u) / weight });
  }
  return heap.items.sort((a, b) => (outranks(a, b) ? -1 : 1)).map(({ index }) => sorted[index]!.id);
}
