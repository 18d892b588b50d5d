import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateProportionally, type StratumSize } from "./proportional-allocation";
import { stratifiedDraw, type StratifiedRecord } from "./stratified-draw";

const sizes = (allocation: { stratum: string; sampleSize: number }[]) => Object.fromEntries(allocation.map((a) => [a.stratum, a.sampleSize]));
const strata = (entries: Record<string, number>): StratumSize[] => Object.entries(entries).map(([stratum, populationSize]) => ({ stratum, populationSize }));

describe("allocateProportionally", () => {
  it("splits in proportion when the shares are whole", () => {
    expect(sizes(allocateProportionally(strata({ clerk: 50, clerk2: 30, clerk3: 20 }), 10))).toEqual({ clerk: 5, clerk2: 3, clerk3: 2 });
  });

  it("hands out the remainder by largest remainder, ties to the larger stratum, then by key", () => {
    // Shares 3.5, 3.5, 3 → 3, 3, 3 and one left over for the tied A and B: A by key.
    expect(sizes(allocateProportionally(strata({ B: 7, A: 7, C: 6 }), 10))).toEqual({ A: 4, B: 3, C: 3 });
    // Shares 1.2, 1.8 → 1, 2.
    expect(sizes(allocateProportionally(strata({ A: 2, B: 3 }), 3))).toEqual({ A: 1, B: 2 });
  });

  it("gives every clerk at least one when the sample allows, taken from the one furthest above its share", () => {
    // Shares 9.94, 0.05, 0.01 → 9, 1, 1 is one too many → 8, 1, 1.
    const allocation = allocateProportionally(strata({ A: 1000, B: 5, C: 1 }), 10);
    expect(sizes(allocation)).toEqual({ A: 8, B: 1, C: 1 });
    expect(allocation.find((a) => a.stratum === "A")!.quota).toBeCloseTo(9.9404, 4);
  });

  it("without room for one each, the largest remainders win", () => {
    expect(sizes(allocateProportionally(strata({ A: 5, B: 3, C: 2 }), 2))).toEqual({ A: 1, B: 1, C: 0 });
  });

  it("takes everything when the sample is as large as the population, and nothing from empty strata", () => {
    expect(sizes(allocateProportionally(strata({ A: 2, B: 3, Z: 0 }), 99))).toEqual({ A: 2, B: 3, Z: 0 });
    expect(sizes(allocateProportionally(strata({ A: 0 }), 5))).toEqual({ A: 0 });
  });

  it("properties: exact total, within each stratum, at least one each when possible, within one of the share otherwise", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200), { minLength: 1, maxLength: 12 }), fc.nat(600), (populationSizes, sampleSize) => {
        const input = populationSizes.map((populationSize, i) => ({ stratum: `S${i}`, populationSize }));
        const allocation = allocateProportionally(input, sampleSize);
        const total = populationSizes.reduce((a, b) => a + b, 0);
        const k = Math.min(sampleSize, total);
        expect(allocation.reduce((sum, a) => sum + a.sampleSize, 0)).toBe(k);
        const nonEmpty = allocation.filter((a) => a.populationSize > 0);
        for (const a of allocation) expect(a.sampleSize >= 0 && a.sampleSize <= a.populationSize).toBe(true);
        if (k >= nonEmpty.length) for (const a of nonEmpty) expect(a.sampleSize).toBeGreaterThanOrEqual(1);
        if (nonEmpty.every((a) => a.quota >= 1)) for (const a of allocation) expect(Math.abs(a.sampleSize - a.quota)).toBeLessThan(1);
      }),
    );
  });

  it("refuses bad input", () => {
    expect(() => allocateProportionally(strata({ A: 1 }), -1)).toThrow(RangeError);
    expect(() => allocateProportionally(strata({ A: 1.5 }), 1)).toThrow(RangeError);
    expect(() => allocateProportionally([{ stratum: "A", populationSize: 1 }, { stratum: "A", populationSize: 2 }], 1)).toThrow(RangeError);
  });
});

describe("stratifiedDraw", () => {
  const records: StratifiedRecord[] = [
    ...Array.from({ length: 600 }, (_, i) => ({ id: `M${i}`, stratum: "clerk" })),
    ...Array.from({ length: 300 }, (_, i) => ({ id: `N${i}`, stratum: "clerk2" })),
    ...Array.from({ length: 97 }, (_, i) => ({ id: `P${i}`, stratum: "clerk3" })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: `Q${i}`, stratum: "clerk4" })),
  ];

  it("draws exactly the sample size, each clerk's allocation from that clerk's records", () => {
    const { drawn, allocation } = stratifiedDraw(records, 50, "2026-05");
    expect(drawn).toHaveLength(50);
    expect(new Set(drawn.map((d) => d.id)).size).toBe(50);
    expect(sizes(allocation)).toEqual({ clerk: 30, clerk2: 15, clerk3: 4, clerk4: 1 });
    const stratumOf = new Map(records.map((r) => [r.id, r.stratum]));
    for (const { id, stratum } of drawn) expect(stratumOf.get(id)).toBe(stratum);
    for (const a of allocation) expect(drawn.filter((d) => d.stratum === a.stratum)).toHaveLength(a.sampleSize);
  });

  it("is identical for the same seed whatever the input order, and differs for another seed", () => {
    const first = stratifiedDraw(records, 50, "2026-05");
    expect(stratifiedDraw([...records].reverse(), 50, "2026-05")).toEqual(first);
    expect(stratifiedDraw(records, 50, "2026-06").drawn).not.toEqual(first.drawn);
  });

  it("exact totals for arbitrary strata and sample sizes", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom("a", "b", "c", "d")), { maxLength: 80 }), fc.nat(100), (pairs, sampleSize) => {
        const unique = [...new Map(pairs).entries()].map(([id, stratum]) => ({ id, stratum }));
        const { drawn, allocation } = stratifiedDraw(unique, sampleSize, "seed");
        expect(drawn).toHaveLength(Math.min(sampleSize, unique.length));
        expect(allocation.reduce((sum, a) => sum + a.sampleSize, 0)).toBe(drawn.length);
      }),
    );
  });

  it("refuses a record in two strata; ignores an exact repeat", () => {
    expect(() => stratifiedDraw([{ id: "M1", stratum: "clerk" }, { id: "M1", stratum: "clerk2" }], 1, "s")).toThrow(RangeError);
    expect(stratifiedDraw([{ id: "M1", stratum: "clerk" }, { id: "M1", stratum: "clerk" }], 5, "s").drawn).toEqual([{ id: "M1", stratum: "clerk" }]);
  });
});
