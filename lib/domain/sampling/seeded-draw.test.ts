import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalPopulation, seededDraw } from "./seeded-draw";

const merchants = (n: number) => Array.from({ length: n }, (_, i) => `M${String(i).padStart(7, "0")}`);

describe("seededDraw", () => {
  const population = merchants(5_000);

  it("is identical for the same seed and population, whatever order the ids come in", () => {
    const first = seededDraw(population, 50, "2026-Q1");
    expect(seededDraw(population, 50, "2026-Q1")).toEqual(first);
    expect(seededDraw([...population].reverse(), 50, "2026-Q1")).toEqual(first);
    expect(seededDraw([...population, ...population.slice(0, 100)], 50, "2026-Q1")).toEqual(first);
  });

  it("differs for a different seed", () => {
    expect(seededDraw(population, 50, "2026-Q2")).not.toEqual(seededDraw(population, 50, "2026-Q1"));
  });

  it("draws distinct members of the population, the requested number", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.nat(80), fc.string(), (ids, sampleSize, seed) => {
        const drawn = seededDraw(ids, sampleSize, seed);
        expect(drawn).toHaveLength(Math.min(sampleSize, ids.length));
        expect(new Set(drawn).size).toBe(drawn.length);
        const members = new Set(ids);
        expect(drawn.every((id) => members.has(id))).toBe(true);
      }),
    );
  });

  it("enlarging the sample keeps the records already drawn (prefix property)", () => {
    const small = seededDraw(population, 30, "seed");
    expect(seededDraw(population, 90, "seed").slice(0, 30)).toEqual(small);
  });

  it("gives every record the same chance (each of 20 ids drawn ≈ 1/4 of 4,000 draws of 5)", () => {
    const ids = merchants(20);
    const counts = new Map(ids.map((id) => [id, 0]));
    for (let run = 0; run < 4_000; run++) for (const id of seededDraw(ids, 5, `run-${run}`)) counts.set(id, counts.get(id)! + 1);
    // Expected 1,000 each, sd √(4000·0.25·0.75) ≈ 27; allow 5 sd.
    for (const count of counts.values()) expect(Math.abs(count - 1_000)).toBeLessThan(137);
  });

  it("orders the population by code unit, not by locale", () => {
    expect(canonicalPopulation(["b", "B", "a", "张", "10", "9", "a"])).toEqual(["10", "9", "B", "a", "b", "张"]);
  });

  it("refuses a negative or fractional sample size", () => {
    expect(() => seededDraw(population, -1, "s")).toThrow(RangeError);
    expect(() => seededDraw(population, 2.5, "s")).toThrow(RangeError);
  });

  it("copes with 1,000,000 records and a sample of 10,000 (sanity, not a timing assertion)", () => {
    const large = merchants(1_000_000);
    const drawn = seededDraw(large, 10_000, "performance");
    expect(drawn).toHaveLength(10_000);
    expect(new Set(drawn).size).toBe(10_000);
  });
});
