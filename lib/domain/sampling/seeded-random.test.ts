import { describe, expect, it } from "vitest";
import { createSeededRandom, mulberry32, seedFromString } from "./seeded-random";

describe("seedFromString (FNV-1a, 32-bit)", () => {
  it("matches the FNV reference test vectors", () => {
    // Fowler/Noll/Vo reference test suite (isthe.com/chongo/tech/comp/fnv): fnv1a_32 of "", "a", "foobar".
    expect(seedFromString("")).toBe(0x811c9dc5);
    expect(seedFromString("a")).toBe(0xe40c292c);
    expect(seedFromString("foobar")).toBe(0xbf9cf968);
  });

  it("hashes UTF-8, so Chinese seeds are stable", () => {
    expect(seedFromString("抽查-2026-01")).toBe(seedFromString("抽查-2026-01"));
    expect(seedFromString("抽查-2026-01")).not.toBe(seedFromString("抽查-2026-02"));
  });
});

describe("mulberry32", () => {
  it("matches published outputs", () => {
    // Widely reproduced outputs of bryc's reference JavaScript: seed 0 → 0.26642920868471265,
    // 0.0003297457005828619, 0.2232720274478197 as floats (uint32 / 2^32); seed 42 → 2581720956.
    const zero = mulberry32(0);
    expect(zero()).toBe(1_144_304_738);
    expect(zero() / 2 ** 32).toBeCloseTo(0.0003297457005828619, 15);
    expect(zero() / 2 ** 32).toBeCloseTo(0.2232720274478197, 15);
    expect(mulberry32(42)()).toBe(2_581_720_956);
  });
});

describe("createSeededRandom", () => {
  it("replays the same stream for the same seed and another for a different seed", () => {
    const stream = (seed: string) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 20 }, () => random.nextUint32());
    };
    expect(stream("campaign-7")).toEqual(stream("campaign-7"));
    expect(stream("campaign-7")).not.toEqual(stream("campaign-8"));
  });

  it("nextFloat stays in [0, 1) and nextBelow covers its range evenly", () => {
    const random = createSeededRandom(2026);
    const counts = new Array<number>(10).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random.nextFloat();
      if (!(x >= 0 && x < 1)) outOfRange++;
      counts[random.nextBelow(10)]! += 1;
    }
    expect(outOfRange).toBe(0);
    // χ² with 9 degrees of freedom; 27.88 is the 0.001 critical value.
    const chiSquare = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(27.88);
  });

  it("refuses seeds and bounds it cannot honour", () => {
    expect(() => createSeededRandom(-1)).toThrow(RangeError);
    expect(() => createSeededRandom(1.5)).toThrow(RangeError);
    expect(() => createSeededRandom(1).nextBelow(0)).toThrow(RangeError);
  });
});
