/**
 * A campaign's results (SPEC §3.8, issue 5 §4): progress, outcomes, the discrepancy rate with its
 * 95 % Wilson interval and the projected population error rate, per maker and per MCC. Unreachable
 * items are not evidence either way, so rates are over confirmed + discrepancy only.
 */
import { projectPopulationErrorRate, projectRiskWeightedErrorRate, wilsonInterval, type ErrorRateProjection, type ProportionInterval } from "@/lib/domain/sampling";
import type { TSpotCheckOutcome } from "./schemas";

export type ReportItem = {
  makerId: string;
  mcc: string | null;
  status: "PENDING" | "DONE";
  outcome: TSpotCheckOutcome | null;
  drawWeight: number;
  stale: boolean;
};

export type ReportInput = {
  strategy: "SIMPLE" | "RISK_WEIGHTED" | "STRATIFIED_BY_MAKER";
  populationSize: number;
  /** From an attribute-sampling campaign's plan; absent for a fixed size (then 95 % and no verdict). */
  confidence?: number;
  tolerableRate?: number;
  items: readonly ReportItem[];
};

export type Breakdown = {
  key: string;
  total: number;
  done: number;
  examined: number;
  discrepancies: number;
  unreachable: number;
  /** Discrepancies / examined with its 95 % Wilson interval; null until something was examined. */
  wilson95: ProportionInterval | null;
};

export type CampaignReport = {
  progress: { total: number; done: number; pending: number; stale: number };
  outcomes: Record<TSpotCheckOutcome, number>;
  /** Sample discrepancy rate, Wilson interval, wrong records scaled to the population, the exact upper limit. */
  sample: ErrorRateProjection | null;
  /**
   * The projected population error rate and how it was obtained: the sample rate for simple and
   * maker-stratified draws (self-weighting), the inverse-weight (Hájek) estimate for risk-weighted
   * ones, whose raw rate overstates the population's (decision 007).
   */
  projected: { basis: "SAMPLE_RATE" | "INVERSE_WEIGHT"; rate: number | null };
  byMaker: Breakdown[];
  byMcc: Breakdown[];
};

const NO_MCC = "";

function breakdown(items: readonly ReportItem[], keyOf: (item: ReportItem) => string): Breakdown[] {
  const groups = new Map<string, Breakdown>();
  for (const item of items) {
    const key = keyOf(item);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, total: 0, done: 0, examined: 0, discrepancies: 0, unreachable: 0, wilson95: null }));
    g.total++;
    if (item.status === "DONE") g.done++;
    if (item.outcome === "CONFIRMED" || item.outcome === "DISCREPANCY") g.examined++;
    if (item.outcome === "DISCREPANCY") g.discrepancies++;
    if (item.outcome === "UNREACHABLE") g.unreachable++;
  }
  return [...groups.values()]
    .map((g) => ({ ...g, wilson95: g.examined > 0 ? wilsonInterval(g.discrepancies, g.examined) : null }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function campaignReport(input: ReportInput): CampaignReport {
  const { items } = input;
  const outcomes: Record<TSpotCheckOutcome, number> = { CONFIRMED: 0, DISCREPANCY: 0, UNREACHABLE: 0 };
  for (const item of items) if (item.outcome) outcomes[item.outcome]++;
  const done = items.filter((i) => i.status === "DONE").length;
  const examinedItems = items.filter((i) => i.outcome === "CONFIRMED" || i.outcome === "DISCREPANCY");
  const sample = projectPopulationErrorRate({
    examined: examinedItems.length,
    discrepancies: outcomes.DISCREPANCY,
    populationSize: input.populationSize,
    confidence: input.confidence,
    tolerableRate: input.tolerableRate,
  });
  const projected =
    input.strategy === "RISK_WEIGHTED"
      ? { basis: "INVERSE_WEIGHT" as const, rate: projectRiskWeightedErrorRate(examinedItems.map((i) => ({ weight: i.drawWeight, discrepancy: i.outcome === "DISCREPANCY" }))) }
      : { basis: "SAMPLE_RATE" as const, rate: sample?.sampleRate ?? null };
  return {
    progress: { total: items.length, done, pending: items.length - done, stale: items.filter((i) => i.stale).length },
    outcomes,
    sample,
    projected,
    byMaker: breakdown(items, (i) => i.makerId),
    byMcc: breakdown(items, (i) => i.mcc ?? NO_MCC),
  };
}
