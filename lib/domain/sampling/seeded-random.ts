/**
 * Reproducible randomness for spot-check draws. A campaign stores its seed (a string); the same
 * seed replays the same stream on any machine, because everything here is 32-bit integer
 * arithmetic with no dependence on the platform's Math.random.
 *
 * - Seed string → 32 bits: FNV-1a (32-bit) over the UTF-8 bytes.
 * - Stream: mulberry32 (Tommy Ettinger, public domain), a small, well-tested generator; 2^32
 *   distinct streams is far more than the number of campaigns we will ever run.
 */

export type SamplingSeed = string | number;

export type SeededRandom = {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 53 bits of resolution (two draws). */
  nextFloat(): number;
  /** Uniform integer in [0, bound), without modulo bias; bound ≤ 2^32. */
  nextBelow(bound: number): number;
};

const TWO_POW_32 = 2 ** 32;
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32-bit, over the UTF-8 encoding of the seed. */
export function seedFromString(seed: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(seed)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** mulberry32: returns a generator of 32-bit unsigned integers. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function seedToUint32(seed: SamplingSeed): number {
  if (typeof seed === "string") return seedFromString(seed);
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) throw new RangeError(`a numeric seed must be a 32-bit unsigned integer, got ${seed}`);
  return seed;
}

export function createSeededRandom(seed: SamplingSeed): SeededRandom {
  const next = mulberry32(seedToUint32(seed));
  return {
    nextUint32: next,
    nextFloat: () => ((next() >>> 5) * 67_108_864 + (next() >>> 6)) / 9_007_199_254_740_992,
    nextBelow(bound) {
      if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) throw new RangeError(`bound must be a whole number in [1, 2^32], got ${bound}`);
      // Reject the top partial block so every residue is equally likely.
      const limit = TWO_POW_32 - (TWO_POW_32 % bound);
      for (;;) {
        const value = next();
        if (value < limit) return value % bound;
      }
    },
  };
}
