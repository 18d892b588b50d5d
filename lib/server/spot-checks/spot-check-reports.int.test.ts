import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { riskWeightOfFlags, UNFLAGGED_RECORD_WEIGHT } from "@/lib/domain/sampling";
import type { TCreateCampaign } from "@/lib/domain/spot-checks/schemas";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { submitMerchantChange } from "@/lib/server/merchants/submit-merchant-change";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { meta, seedActor } from "@/test/integration/actors";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { createCampaign } from "./create-campaign";
import { exportCampaignReport } from "./export-campaign-report";
import { getCampaignReport } from "./get-campaign-report";
import { recordItemOutcome } from "./record-item-outcome";
import { approvedMerchant } from "@/test/integration/workflow";
import { ALL_TRUE, campaignFixture, campaignInputFor, itemsOf, type MerchantFixture } from "@/test/integration/spot-check-campaigns";

const requestMeta = meta();

let merchants: MerchantFixture[];
let manager: Actor;
let auditors: Actor[];
let makerIds: string[];

beforeAll(async () => {
  ({ merchants, manager, auditors, makerIds } = await campaignFixture());
}, 120_000);

const campaignInput = (overrides: Partial<TCreateCampaign> = {}) => campaignInputFor({ makerIds, auditors }, overrides);

describe("stale items", () => {
  /** A new version of the merchant: phone changed by a fresh clerk, verified and approved by fresh people. */
  async function approveNewVersion(fixture: MerchantFixture, version: number) {
    const data: TMerchantApplicationInput = structuredClone(fixture.data);
    data.merchant.legalRepId = "";
    data.account.accountNo = "";
    data.merchant.phone = `137${String(version).padStart(8, "0")}`;
    const { changeRequestId } = await submitMerchantChange({ actor: await seedActor("CLERK"), input: { merchantId: fixture.merchantId, merchantVersion: version, data }, requestMeta });
    const a = fixture.data.account;
    await verifyChangeRequest({ actor: await seedActor("CLERK"), input: { changeRequestId, version: 1, creditCode: fixture.data.merchant.creditCode, accountName: a.accountName, accountNo: a.accountNo, cnaps: a.cnaps }, requestMeta });
    const request = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
    const acknowledgedFlags = ((request.riskFlags ?? []) as { code: string }[]).map((f) => f.code);
    await approveChangeRequest({ actor: await seedActor("SUPERVISOR"), input: { changeRequestId, version: request.version, acknowledgedFlags }, requestMeta });
  }

  it("a new version approved after the draw marks the item stale and its outcome is refused", async () => {
    const fixture = await approvedMerchant();
    const created = await createCampaign({ actor: manager, input: campaignInput({ population: { makerIds: [fixture.maker.id] }, auditorIds: [auditors[0]!.id] }), requestMeta });
    await approveNewVersion(fixture, 1);
    const db = await prisma();
    const item = await db.spotCheckItem.findFirstOrThrow({ where: { campaignId: created.campaignId } });
    expect(item).toMatchObject({ merchantVersion: 1, stale: true, status: "PENDING" });
    const err = await refusal(recordItemOutcome({ actor: auditors[0]!, input: { itemId: item.id, version: item.version, outcome: "CONFIRMED", checklist: ALL_TRUE }, requestMeta }));
    expect(err).toMatchObject({ code: "CONFLICT", fieldErrors: { _form: ["validation.spotCheck.staleRecord"] } });
    expect((await getCampaignReport({ actor: manager, input: { campaignId: created.campaignId } })).report.progress).toMatchObject({ total: 1, done: 0, stale: 1 });
  });

  it("an item not yet flagged whose merchant moved on is flagged when someone tries to record it", async () => {
    const fixture = await approvedMerchant();
    const created = await createCampaign({ actor: manager, input: campaignInput({ population: { makerIds: [fixture.maker.id] }, auditorIds: [auditors[1]!.id] }), requestMeta });
    const db = await prisma();
    // As if the draw had read version 1 just before a version 2 was approved.
    await db.merchant.update({ where: { id: fixture.merchantId }, data: { version: 2 } });
    const item = await db.spotCheckItem.findFirstOrThrow({ where: { campaignId: created.campaignId } });
    const err = await refusal(recordItemOutcome({ actor: auditors[1]!, input: { itemId: item.id, version: item.version, outcome: "CONFIRMED", checklist: ALL_TRUE }, requestMeta }));
    expect(err.fieldErrors).toEqual({ _form: ["validation.spotCheck.staleRecord"] });
    expect(await db.spotCheckItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ stale: true, status: "PENDING", version: item.version + 1 });
    expect(await db.auditEvent.count({ where: { action: "spotcheck.item-stale", entityId: item.id } })).toBe(1);
    await db.merchant.update({ where: { id: fixture.merchantId }, data: { version: 1 } });
  });
});

describe("campaign report", () => {
  it("1 discrepancy in 5 examined (one unreachable not counted): rate 0.2 with the 95% Wilson interval 0.0362–0.6245, per maker and per MCC, and a CSV", async () => {
    const auditor = await seedActor("AUDITOR");
    const created = await createCampaign({ actor: manager, input: campaignInput({ sizing: { method: "FIXED", sampleSize: 6 }, auditorIds: [auditor.id], seed: "report" }), requestMeta });
    const items = await itemsOf(created.campaignId);
    const outcomes = ["DISCREPANCY", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "UNREACHABLE"] as const;
    for (const [i, item] of items.entries()) {
      const note = i === 0 ? "=HYPERLINK(\"http://x\") holder name differs" : i === 5 ? "No answer on three calls" : "";
      await recordItemOutcome({ actor: auditor, input: { itemId: item.id, version: item.version, outcome: outcomes[i], checklist: ALL_TRUE, note }, requestMeta });
    }
    const { report, campaign, makerNames } = await getCampaignReport({ actor: manager, input: { campaignId: created.campaignId } });
    expect(campaign).toMatchObject({ populationSize: 6, sampleSize: 6, seed: "report" });
    expect(report.progress).toEqual({ total: 6, done: 6, pending: 0, stale: 0 });
    expect(report.outcomes).toEqual({ CONFIRMED: 4, DISCREPANCY: 1, UNREACHABLE: 1 });
    expect(report.sample).toMatchObject({ examined: 5, discrepancies: 1, sampleRate: 0.2 });
    expect(report.sample!.wilson95.lower).toBeCloseTo(0.0362, 4);
    expect(report.sample!.wilson95.upper).toBeCloseTo(0.6245, 4);
    expect(report.sample!.projectedWrongRecords!.estimate).toBeCloseTo(1.2, 9);
    expect(report.projected).toEqual({ basis: "SAMPLE_RATE", rate: 0.2 });
    const discrepantMaker = items[0]!.makerId;
    expect(report.byMaker).toHaveLength(6);
    expect(report.byMaker.find((b) => b.key === discrepantMaker)).toMatchObject({ total: 1, examined: 1, discrepancies: 1 });
    expect(makerNames[discrepantMaker]).toBe("Test CLERK");
    expect(report.byMcc.reduce((sum, b) => sum + b.discrepancies, 0)).toBe(1);
    expect(report.byMcc.reduce((sum, b) => sum + b.total, 0)).toBe(6);

    const exported = await exportCampaignReport({ actor: manager, input: { campaignId: created.campaignId }, requestMeta });
    expect(exported.csv.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<Record<string, string>>(exported.csv.slice(1), { header: true }).data;
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ campaign: created.reference, drawOrder: "1", outcome: "DISCREPANCY", accountNumberConfirmed: "true", stale: "false" });
    expect(rows[0]!.note!.startsWith("'=")).toBe(true);
    expect(exported.csv).not.toContain(merchants[0]!.data.account.accountNo);
    expect(await codeOf(exportCampaignReport({ actor: await seedActor("SUPERVISOR"), input: { campaignId: created.campaignId }, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(getCampaignReport({ actor: await seedActor("CLERK"), input: { campaignId: created.campaignId } }))).toBe("FORBIDDEN");
    expect(await codeOf(getCampaignReport({ actor: manager, input: { campaignId: "nope" } }))).toBe("NOT_FOUND");
  });

  it("a risk-weighted campaign draws with the flags' weights (from SQL) and projects with the inverse-weight estimate", async () => {
    const db = await prisma();
    const flagged = await db.merchantVersion.findFirstOrThrow({ where: { merchantId: merchants[0]!.merchantId, version: 1 } });
    await db.changeRequest.update({ where: { id: flagged.changeRequestId }, data: { riskFlags: [{ code: "A", severity: "high", evidence: {} }, { code: "B", severity: "medium", evidence: {} }] } });
    // Flags are fixed before approval; rewritten after it here, the merchant's copy is refreshed as the version trigger would have.
    await db.$executeRaw`UPDATE "Merchant" m SET "inForceRiskWeight" = payeeguard_risk_weight(cr."riskFlags") FROM "ChangeRequest" cr WHERE cr.id = ${flagged.changeRequestId} AND m.id = cr."merchantId"`;
    const auditor = await seedActor("AUDITOR");
    const created = await createCampaign({ actor: manager, input: campaignInput({ strategy: "RISK_WEIGHTED", sizing: { method: "FIXED", sampleSize: 6 }, auditorIds: [auditor.id] }), requestMeta });
    const items = await itemsOf(created.campaignId);
    for (const item of items) {
      const request = await db.changeRequest.findUniqueOrThrow({ where: { id: item.changeRequestId } });
      expect(item.drawWeight).toBe(riskWeightOfFlags((request.riskFlags ?? []) as { severity: "high" | "medium" | "low" }[]) || UNFLAGGED_RECORD_WEIGHT);
    }
    const heavy = items.find((i) => i.merchantId === merchants[0]!.merchantId)!;
    expect(heavy.drawWeight).toBeGreaterThanOrEqual(12);
    for (const item of items) {
      const discrepancy = item.id === heavy.id;
      await recordItemOutcome({ actor: auditor, input: { itemId: item.id, version: 1, outcome: discrepancy ? "DISCREPANCY" : "CONFIRMED", checklist: ALL_TRUE, note: discrepancy ? "Holder name differs" : "" }, requestMeta });
    }
    const { report } = await getCampaignReport({ actor: manager, input: { campaignId: created.campaignId } });
    const inverse = items.reduce((sum, i) => sum + 1 / i.drawWeight, 0);
    expect(report.projected.basis).toBe("INVERSE_WEIGHT");
    expect(report.projected.rate).toBeCloseTo(1 / heavy.drawWeight / inverse, 12);
    expect(report.projected.rate).toBeLessThan(report.sample!.sampleRate);
  });
});
