import { describe, expect, it } from "vitest";
import { attributeSampleSize } from "@/lib/domain/sampling";
import { campaignSizing } from "./campaign-sizing";

describe("campaignSizing", () => {
  it("a fixed size is capped at the population", () => {
    expect(campaignSizing({ method: "FIXED", sampleSize: 50 }, 20)).toEqual({ method: "FIXED", requested: 50, populationSize: 20, sampleSize: 20 });
  });

  it("attribute sampling takes attributeSampleSize's n for the population and keeps the formula's figures", () => {
    const expected = attributeSampleSize({ confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.01, populationSize: 20_000 });
    if (!expected.ok) throw new Error("fixture");
    expect(campaignSizing({ method: "ATTRIBUTE", confidence: 0.95, tolerableRate: 0.05, expectedRate: 0.01 }, 20_000)).toMatchObject({
      sampleSize: expected.sampleSize,
      expectedDeviations: expected.expectedDeviations,
      distribution: "hypergeometric",
      largePopulationSampleSize: expected.largePopulationSampleSize,
    });
  });

  it("refuses when the rates need more than the maximum sample", () => {
    expect(campaignSizing({ method: "ATTRIBUTE", confidence: 0.99, tolerableRate: 0.002, expectedRate: 0.0019 }, 10_000_000)).toBeNull();
  });
});
