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
import { firstNotAscending, type IdList } from "./id-lines";
import { createSeededRandom, type SamplingSeed } from "./seeded-random";

export type WeightedRecord = { id: string; weight: number };

export type WeightedDrawOptions = {
  /**
   * Weight given to records whose weight is 0, so that no record is impossible to draw.
   * Default: half the smallest positive weight (1 when every weight is 0, i.e. a simple draw).
   */
  zeroWeightFloor?: number;
};

/**
 * Fixed-capacity heap of the k best keys seen so far, root = the weakest, in two typed arrays
 * (a million offers allocate nothing). Larger key first; on a tie the earlier record in id order.
 */
class WeakestFirstHeap {
  readonly keys: Float64Array;
  readonly indices: Int32Array;
  size = 0;
  constructor(private readonly capacity: number) {
    this.keys = new Float64Array(capacity);
    this.indices = new Int32Array(capacity);
  }

  private outranks(keyA: number, indexA: number, keyB: number, indexB: number) {
    return keyA > keyB || (keyA === keyB && indexA < indexB);
  }

  offer(index: number, key: number) {
    if (this.size < this.capacity) {
      this.siftUp(this.size++, index, key);
    } else if (this.size > 0 && this.outranks(key, index, this.keys[0]!, this.indices[0]!)) {
      this.siftDown(index, key);
    }
  }

  /** The indices held, strongest first. */
  ranked(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => (this.outranks(this.keys[a]!, this.indices[a]!, this.keys[b]!, this.indices[b]!) ? -1 : 1));
    return order.map((i) => this.indices[i]!);
  }

  private siftUp(i: number, index: number, key: number) {
    const { keys, indices } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.outranks(keys[parent]!, indices[parent]!, key, index)) break;
      keys[i] = keys[parent]!;
      indices[i] = indices[parent]!;
      i = parent;
    }
    keys[i] = key;
    indices[i] = index;
  }

  /** Replaces the root with (index, key) and restores the heap. */
  private siftDown(index: number, key: number) {
    const { keys, indices, size } = this;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let weakest = -1;
      let weakestKey = key;
      let weakestIndex = index;
      if (left < size && this.outranks(weakestKey, weakestIndex, keys[left]!, indices[left]!)) {
        weakest = left;
        weakestKey = keys[left]!;
        weakestIndex = indices[left]!;
      }
      if (right < size && this.outranks(weakestKey, weakestIndex, keys[right]!, indices[right]!)) {
        weakest = right;
        weakestKey = keys[right]!;
        weakestIndex = indices[right]!;
      }
      if (weakest === -1) break;
      keys[i] = weakestKey;
      indices[i] = weakestIndex;
      i = weakest;
    }
    keys[i] = key;
    indices[i] = index;
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
  const sorted = canonicalRecords(records);
  return riskWeightedDrawOfCanonical(
    sorted.map((r) => r.id),
    Float64Array.from(sorted, (r) => r.weight),
    sampleSize,
    seed,
    options,
  );
}

/**
 * riskWeightedDraw for records already in canonical order — ids unique and ascending by code
 * unit, weights index for index — without building a million record objects. Same draw.
 */
export function riskWeightedDrawOfCanonical(ids: IdList, weights: Float64Array, sampleSize: number, seed: SamplingSeed, options: WeightedDrawOptions = {}): string[] {
  if (!Number.isInteger(sampleSize) || sampleSize < 0) throw new RangeError(`sampleSize must be a whole number ≥ 0, got ${sampleSize}`);
  if (weights.length !== ids.length) throw new RangeError(`${ids.length} ids but ${weights.length} weights`);
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i]!;
    if (!(Number.isFinite(weight) && weight >= 0)) throw new RangeError(`weight of ${ids.at(i)} must be a finite number ≥ 0, got ${weight}`);
  }
  const unordered = firstNotAscending(ids);
  if (unordered !== -1) throw new RangeError(`records are not in canonical order at ${ids.at(unordered)}`);
  const floor = zeroWeightFloorFor(weights, options.zeroWeightFloor);
  const random = createSeededRandom(seed);
  const heap = new WeakestFirstHeap(Math.min(sampleSize, ids.length));
  for (let index = 0; index < ids.length; index++) {
    const weight = weights[index]! || floor;
    const u = 1 - random.nextFloat(); // (0, 1]: ln(u) is finite
    heap.offer(index, Math.log(u) / weight);
  }
  return heap.ranked().map((index) => ids.at(index)!);
}
