import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalPopulation, seededDraw, seededDrawOfCanonical } from "./seeded-draw";
import { stratifiedDraw, stratifiedDrawOfCanonical } from "./stratified-draw";
import { riskWeightedDraw, riskWeightedDrawOfCanonical } from "./weighted-draw";

// 2,000 ids in a scrambled order, with weights and makers derived from the number.
const ids = Array.from({ length: 2000 }, (_, i) => `m${String((i * 7919) % 2000).padStart(4, "0")}`);
const weightOf = (id: string) => (Number(id.slice(1)) % 20 === 0 ? 9 : Number(id.slice(1)) % 7 === 0 ? 1 : 0);
const makerOf = (id: string) => `clerk${Number(id.slice(1)) % 7}`;

/** Makers as small integers in first-seen order, the way the server hands them to the draw. */
function encode(strata: readonly string[]) {
  const code = new Map<string, number>();
  const of = Uint32Array.from(strata, (s) => (code.has(s) ? code.get(s)! : (code.set(s, code.size), code.size - 1)));
  return { of, names: [...code.keys()] };
}

describe("draws over a canonical population", () => {
  it("replay the draws campaigns made before decision 034 (vectors from the decision-007 implementation, seed 'golden')", () => {
    const sorted = canonicalPopulation(ids);
    const { of, names } = encode(sorted.map(makerOf));
    expect(seededDrawOfCanonical(sorted, 12, "golden")).toEqual(["m1020", "m0468", "m1874", "m0194", "m1506", "m0779", "m1812", "m0144", "m1588", "m1278", "m1306", "m0716"]);
    expect(riskWeightedDrawOfCanonical(sorted, Float64Array.from(sorted, weightOf), 12, "golden", { zeroWeightFloor: 0.5 })).toEqual([
      "m1200", "m1160", "m0776", "m0174", "m1280", "m0481", "m0180", "m1660", "m0273", "m0252", "m1800", "m0700",
    ]);
    expect(stratifiedDrawOfCanonical(sorted, of, names, 12, "golden").drawn.map((d) => d.id)).toEqual([
      "m1414", "m1743", "m1233", "m0939", "m0051", "m0261", "m0290", "m0675", "m1264", "m1075", "m0614", "m1735",
    ]);
  });

  it("equal the draws over records in any order (property)", () => {
    const record = fc.record({ id: fc.string({ maxLength: 4 }), weight: fc.constantFrom(0, 1, 3, 9, 13), stratum: fc.constantFrom("a", "b", "c", "dd") });
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 60 }), fc.nat(70), fc.string(), (records, sampleSize, seed) => {
        const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const sortedIds = sorted.map((r) => r.id);
        expect(seededDrawOfCanonical(sortedIds, sampleSize, seed)).toEqual(seededDraw(records.map((r) => r.id), sampleSize, seed));
        expect(riskWeightedDrawOfCanonical(sortedIds, Float64Array.from(sorted, (r) => r.weight), sampleSize, seed, { zeroWeightFloor: 0.5 })).toEqual(
          riskWeightedDraw(records, sampleSize, seed, { zeroWeightFloor: 0.5 }),
        );
        const { of, names } = encode(sorted.map((r) => r.stratum));
        expect(stratifiedDrawOfCanonical(sortedIds, of, names, sampleSize, seed)).toEqual(stratifiedDraw(records, sampleSize, seed));
      }),
    );
  });

  it("refuse a population that is not in canonical order", () => {
    expect(() => seededDrawOfCanonical(["b", "a"], 1, "s")).toThrow(RangeError);
    expect(() => seededDrawOfCanonical(["a", "a"], 1, "s")).toThrow(RangeError);
    expect(() => riskWeightedDrawOfCanonical(["b", "a"], Float64Array.of(1, 1), 1, "s")).toThrow(RangeError);
    expect(() => stratifiedDrawOfCanonical(["b", "a"], Uint32Array.of(0, 0), ["x"], 1, "s")).toThrow(RangeError);
    expect(() => stratifiedDrawOfCanonical(["a", "b"], Uint32Array.of(0, 1), ["x"], 1, "s")).toThrow(RangeError);
  });
});
