import { attributeSampleSize } from "@/lib/domain/sampling";
import type { TSpotCheckSizing } from "./schemas";

/** What a campaign stores about its size: the inputs as entered plus the figures the formula gave. */
export type CampaignSizing =
  | { method: "FIXED"; requested: number; populationSize: number; sampleSize: number }
  | {
      method: "ATTRIBUTE";
      confidence: number;
      tolerableRate: number;
      expectedRate: number;
      populationSize: number;
      sampleSize: number;
      distribution: "binomial" | "hypergeometric";
      expectedDeviations: number;
      upperDeviationLimit: number;
      largePopulationSampleSize: number | null;
      examineAll: boolean;
    };

/** The campaign's n for a population of `populationSize`; null when attribute sampling needs more than its maximum. */
export function campaignSizing(sizing: TSpotCheckSizing, populationSize: number): CampaignSizing | null {
  if (sizing.method === "FIXED") return { method: "FIXED", requested: sizing.sampleSize, populationSize, sampleSize: Math.min(sizing.sampleSize, populationSize) };
  const { confidence, tolerableRate, expectedRate } = sizing;
  const size = attributeSampleSize({ confidence, tolerableRate, expectedRate, populationSize });
  if (!size.ok) return null;
  return {
    method: "ATTRIBUTE",
    confidence,
    tolerableRate,
    expectedRate,
    populationSize,
    sampleSize: size.sampleSize,
    distribution: size.method,
    expectedDeviations: size.expectedDeviations,
    upperDeviationLimit: size.upperDeviationLimit,
    largePopulationSampleSize: size.largePopulationSampleSize,
    examineAll: size.examineAll,
  };
}
