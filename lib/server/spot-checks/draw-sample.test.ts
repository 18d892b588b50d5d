import { describe, expect, it } from "vitest";
import { IdLines, riskWeightedDraw, seededDraw, stratifiedDraw } from "@/lib/domain/sampling";
import { drawSample, drawWeightOf, inCanonicalOrder, populationHash } from "./draw-sample";

const ids = ["b", "a", "Z", "é", "aa", "c", "_"];
const weightOf = (id: string) => (id.length % 2 ? 9 : 0);
const makerOf = (id: string) => `maker-${id.charCodeAt(0) % 2}`;
const makerNames = ["maker-0", "maker-1"];
const population = (list: string[]) => ({
  ids: list,
  riskWeights: Float64Array.from(list, weightOf),
  makers: { names: makerNames, codes: Uint32Array.from(list, (id) => makerNames.indexOf(makerOf(id))) },
});

describe("drawSample", () => {
  it("puts the population in code-unit order whatever order it came in, keeping weights and makers with their ids", () => {
    const canonical = inCanonicalOrder(population(ids));
    expect(canonical.ids).toEqual([...ids].sort());
    expect([...canonical.riskWeights!]).toEqual([...ids].sort().map(weightOf));
    expect([...canonical.makers!.codes].map((c) => canonical.makers!.names[c])).toEqual([...ids].sort().map(makerOf));
    expect(populationHash(canonical)).toBe(populationHash(inCanonicalOrder(population([...ids].reverse()))));
    expect(populationHash(canonical)).not.toBe(populationHash(inCanonicalOrder(population(ids.slice(1)))));
    expect(() => inCanonicalOrder(population(["a", "b", "a"]))).toThrow(RangeError);
  });

  it("draws with the domain's algorithms, whatever order the population arrived in", () => {
    const canonical = inCanonicalOrder(population([...ids].reverse()));
    expect(drawSample(canonical, 4, "SIMPLE", "s")).toEqual(seededDraw(ids, 4, "s"));
    expect(drawSample(canonical, 3, "RISK_WEIGHTED", "s")).toEqual(riskWeightedDraw(ids.map((id) => ({ id, weight: weightOf(id) })), 3, "s", { zeroWeightFloor: 0.5 }));
    expect(drawSample(canonical, 4, "STRATIFIED_BY_MAKER", "s")).toEqual(stratifiedDraw(ids.map((id) => ({ id, stratum: makerOf(id) })), 4, "s").drawn.map((d) => d.id));
    expect(new Set(drawSample(canonical, 7, "STRATIFIED_BY_MAKER", "s"))).toEqual(new Set(ids));
  });

  it("draws and hashes the ids as the database sends them (one text) exactly as the same ids in an array", () => {
    const sorted = [...ids].sort();
    const asText = { ...population(sorted), ids: IdLines.of(sorted.join("\n")) };
    expect(inCanonicalOrder(asText)).toBe(asText);
    expect(populationHash(asText)).toBe(populationHash(inCanonicalOrder(population(ids))));
    for (const strategy of ["SIMPLE", "RISK_WEIGHTED", "STRATIFIED_BY_MAKER"] as const) {
      expect(drawSample(asText, 4, strategy, "s")).toEqual(drawSample(inCanonicalOrder(population(ids)), 4, strategy, "s"));
    }
    const unsorted = { ...population(ids), ids: IdLines.of(ids.join("\n")) };
    expect(inCanonicalOrder(unsorted).ids).toEqual(sorted);
    expect(populationHash(inCanonicalOrder(unsorted))).toBe(populationHash(asText));
  });

  it("records the weight each merchant was drawn with: its floored risk weight, or 1 when not risk-weighted", () => {
    expect(drawWeightOf({ riskWeight: 9 }, "RISK_WEIGHTED")).toBe(9);
    expect(drawWeightOf({ riskWeight: 0 }, "RISK_WEIGHTED")).toBe(0.5);
    expect(drawWeightOf({ riskWeight: 9 }, "SIMPLE")).toBe(1);
  });

  it("refuses a weighted or stratified draw without what it weighs or stratifies by", () => {
    expect(() => drawSample({ ids }, 2, "RISK_WEIGHTED", "s")).toThrow();
    expect(() => drawSample({ ids }, 2, "STRATIFIED_BY_MAKER", "s")).toThrow();
  });
});
