import { beforeAll, describe, expect, it } from "vitest";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { riskWeightOfFlags, RISK_SEVERITY_WEIGHTS } from "@/lib/domain/sampling";
import { prisma } from "@/lib/server/db";
import { submitMerchantChange } from "@/lib/server/merchants/submit-merchant-change";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { approvedMerchant } from "@/test/integration/workflow";
import { selectPopulation } from "./select-population";

const requestMeta = meta();
type Flag = { severity: "high" | "medium" | "low" };

beforeAll(async () => {
  await ensureReferenceRows();
}, 120_000);

async function inForce(merchantId: string) {
  const db = await prisma();
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: merchantId } });
  const version = await db.merchantVersion.findUniqueOrThrow({ where: { merchantId_version: { merchantId, version: merchant.version } } });
  const request = await db.changeRequest.findUniqueOrThrow({ where: { id: version.changeRequestId } });
  return { merchant, version, request };
}

describe("the version-in-force facts a draw reads from the merchant row", () => {
  it("the database's risk weight of flags is the domain's (same severity weights)", async () => {
    const flags: Flag[] = [{ severity: "high" }, { severity: "medium" }, { severity: "low" }, { severity: "high" }];
    const [row] = await (await prisma()).$queryRaw<{ w: number }[]>`SELECT payeeguard_risk_weight(${JSON.stringify(flags)}::jsonb) AS w`;
    expect(Number(row!.w)).toBe(riskWeightOfFlags(flags));
    for (const severity of ["high", "medium", "low"] as const) {
      const [one] = await (await prisma()).$queryRaw<{ w: number }[]>`SELECT payeeguard_risk_weight(${JSON.stringify([{ severity }])}::jsonb) AS w`;
      expect(Number(one!.w)).toBe(RISK_SEVERITY_WEIGHTS[severity]);
    }
  });

  it("an approval copies the new version's maker, risk weight and approval time onto the merchant; the next version replaces them", async () => {
    const fixture = await approvedMerchant();
    const first = await inForce(fixture.merchantId);
    expect(first.merchant.inForceMakerId).toBe(fixture.maker.id);
    expect(first.merchant.inForceApprovedAt).toEqual(first.version.approvedAt);
    expect(first.merchant.inForceRiskWeight).toBe(riskWeightOfFlags((first.request.riskFlags ?? []) as Flag[]));

    const data: TMerchantApplicationInput = structuredClone(fixture.data);
    data.merchant.legalRepId = "";
    data.account.accountNo = "";
    data.merchant.phone = "13700000002";
    const nextMaker = await seedActor("CLERK");
    const { changeRequestId } = await submitMerchantChange({ actor: nextMaker, input: { merchantId: fixture.merchantId, merchantVersion: 1, data }, requestMeta });
    const a = fixture.data.account;
    await verifyChangeRequest({ actor: await seedActor("CLERK"), input: { changeRequestId, version: 1, creditCode: fixture.data.merchant.creditCode, accountName: a.accountName, accountNo: a.accountNo, cnaps: a.cnaps }, requestMeta });
    const request = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
    const acknowledgedFlags = ((request.riskFlags ?? []) as { code: string }[]).map((f) => f.code);
    await approveChangeRequest({ actor: await seedActor("SUPERVISOR"), input: { changeRequestId, version: request.version, acknowledgedFlags }, requestMeta });

    const second = await inForce(fixture.merchantId);
    expect(second.merchant.version).toBe(2);
    expect(second.merchant.inForceMakerId).toBe(nextMaker.id);
    expect(second.merchant.inForceApprovedAt).toEqual(second.version.approvedAt);
    expect(second.merchant.inForceRiskWeight).toBe(riskWeightOfFlags((second.request.riskFlags ?? []) as Flag[]));

    const byMaker = async (makerId: string) => (await selectPopulation(await prisma(), { makerIds: [makerId] }, new Date(), "STRATIFIED_BY_MAKER"));
    expect((await byMaker(nextMaker.id)).ids).toEqual([fixture.merchantId]);
    expect((await byMaker(fixture.maker.id)).ids).toEqual([]);
  });

  it("reads the population in code-unit order with each strategy's column beside its id", async () => {
    const fixtures = [await approvedMerchant(), await approvedMerchant(), await approvedMerchant()];
    const makerIds = fixtures.map((f) => f.maker.id);
    const db = await prisma();
    const simple = await selectPopulation(db, { makerIds }, new Date(), "SIMPLE");
    expect(simple.ids).toEqual(fixtures.map((f) => f.merchantId).sort());
    expect(simple.riskWeights).toBeUndefined();
    const weighted = await selectPopulation(db, { makerIds }, new Date(), "RISK_WEIGHTED");
    const merchants = await db.merchant.findMany({ where: { id: { in: simple.ids as string[] } } });
    expect([...weighted.riskWeights!]).toEqual(simple.ids.map((id) => merchants.find((m) => m.id === id)!.inForceRiskWeight));
    const stratified = await selectPopulation(db, { makerIds }, new Date(), "STRATIFIED_BY_MAKER");
    expect([...stratified.makers!.codes].map((c) => stratified.makers!.names[c])).toEqual(simple.ids.map((id) => fixtures.find((f) => f.merchantId === id)!.maker.id));
    expect((await selectPopulation(db, { makerIds: ["nobody"] }, new Date(), "SIMPLE")).ids).toEqual([]);
  });
});
