import { describe, expect, it } from "vitest";
import { seededDraw } from "@/lib/domain/sampling";
import { drawSample, inCanonicalOrder, populationHash } from "./draw-sample";
import type { PopulationRecord } from "./select-population";

const record = (merchantId: string, riskWeight = 0): PopulationRecord => ({
  merchantId, merchantVersion: 1, mcc: "5411", changeRequestId: `cr-${merchantId}`, makerId: `maker-${merchantId.length % 2}`, verifierId: null, approverId: "s", secondApproverId: null, riskWeight,
});
const ids = ["b", "a", "Z", "é", "aa", "c", "_"];

describe("drawSample", () => {
  it("puts the population in code-unit order whatever order it came in, so the hash depends only on the set", () => {
    const canonical = inCanonicalOrder(ids.map((id) => record(id)));
    expect(canonical.map((r) => r.merchantId)).toEqual([...ids].sort());
    expect(populationHash(canonical)).toBe(populationHash(inCanonicalOrder([...ids].reverse().map((id) => record(id)))));
    expect(populationHash(canonical)).not.toBe(populationHash(inCanonicalOrder(ids.slice(1).map((id) => record(id)))));
    expect(() => inCanonicalOrder([record("a"), record("b"), record("a")])).toThrow(RangeError);
  });

  it("returns the drawn records in draw order with their weights: the simple draw is the domain's", () => {
    const canonical = inCanonicalOrder(ids.map((id, i) => record(id, i % 2 ? 9 : 0)));
    const drawn = drawSample(canonical, 4, "SIMPLE", "s");
    expect(drawn.map((r) => r.merchantId)).toEqual(seededDraw(ids, 4, "s"));
    expect(drawn.every((r) => r.drawWeight === 1)).toBe(true);
    const weighted = drawSample(canonical, 7, "RISK_WEIGHTED", "s");
    for (const r of weighted) expect(r.drawWeight).toBe(r.riskWeight || 0.5);
    expect(new Set(drawSample(canonical, 7, "STRATIFIED_BY_MAKER", "s").map((r) => r.merchantId))).toEqual(new Set(ids));
  });
});
