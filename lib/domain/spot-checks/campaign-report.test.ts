import { describe, expect, it } from "vitest";
import { campaignReport, type ReportItem } from "./campaign-report";

const item = (overrides: Partial<ReportItem>): ReportItem => ({ makerId: "m1", mcc: "5411", status: "DONE", outcome: "CONFIRMED", drawWeight: 1, stale: false, ...overrides });

describe("campaignReport", () => {
  it("nothing examined yet: progress only, no rate", () => {
    const report = campaignReport({ strategy: "SIMPLE", populationSize: 100, items: [item({ status: "PENDING", outcome: null }), item({ outcome: "UNREACHABLE" })] });
    expect(report.progress).toEqual({ total: 2, done: 1, pending: 1, stale: 0 });
    expect(report.sample).toBeNull();
    expect(report.projected).toEqual({ basis: "SAMPLE_RATE", rate: null });
    expect(report.byMaker).toEqual([{ key: "m1", total: 2, done: 1, examined: 0, discrepancies: 0, unreachable: 1, wilson95: null }]);
  });

  it("0 of 10 wrong: rate 0 with a Wilson upper limit of 0.2775 (Newcombe 1998 Table I), verdict against the tolerable rate", () => {
    const items = Array.from({ length: 10 }, () => item({}));
    const report = campaignReport({ strategy: "STRATIFIED_BY_MAKER", populationSize: 1000, confidence: 0.95, tolerableRate: 0.05, items });
    expect(report.sample!.wilson95.lower).toBe(0);
    expect(report.sample!.wilson95.upper).toBeCloseTo(0.2775, 4);
    expect(report.sample!.withinTolerableRate).toBe(false);
    expect(report.projected).toEqual({ basis: "SAMPLE_RATE", rate: 0 });
  });

  it("splits by maker and by MCC, records without an MCC under the empty key", () => {
    const report = campaignReport({
      strategy: "SIMPLE",
      populationSize: 50,
      items: [item({ makerId: "b", outcome: "DISCREPANCY" }), item({ makerId: "a", mcc: null }), item({ makerId: "b", mcc: "7011", stale: true })],
    });
    expect(report.byMaker.map((b) => [b.key, b.total, b.discrepancies])).toEqual([["a", 1, 0], ["b", 2, 1]]);
    expect(report.byMcc.map((b) => [b.key, b.total])).toEqual([["", 1], ["5411", 1], ["7011", 1]]);
    expect(report.byMaker[1]!.wilson95!.estimate).toBe(0.5);
    expect(report.progress.stale).toBe(1);
  });

  it("risk-weighted: the projection reweights by 1/weight, below the raw rate when the wrong record was a heavy one", () => {
    const items = [item({ outcome: "DISCREPANCY", drawWeight: 9 }), item({ drawWeight: 0.5 }), item({ drawWeight: 1 })];
    const report = campaignReport({ strategy: "RISK_WEIGHTED", populationSize: 100, items });
    expect(report.sample!.sampleRate).toBeCloseTo(1 / 3, 12);
    expect(report.projected.basis).toBe("INVERSE_WEIGHT");
    expect(report.projected.rate).toBeCloseTo(1 / 9 / (1 / 9 + 2 + 1), 12);
  });
});
