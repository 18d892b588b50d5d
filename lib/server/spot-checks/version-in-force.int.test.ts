import { beforeAll, describe, expect, it } from "vitest";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { riskWeightOfFlags, RISK_SEVERITY_WEIGHTS, type IdList } from "@/lib/domain/sampling";
import { prisma } from "@/lib/server/db";
import { submitMerchantChange } from "@/lib/server/merchants/submit-merchant-change";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { approvedMerchant } from "@/test/integration/workflow";
import { Prisma } from "@/lib/generated/prisma/client";
import crypto from "node:crypto";
import { instantToChinaWallClock } from "@/lib/domain/confirmations/hold";
import { recordAccountConfirmation } from "@/lib/server/confirmations/record-account-confirmation";
import { requestStatusChange } from "@/lib/server/merchants/request-status-change";
import { pendingAccountChange, team } from "@/test/integration/account-change";
import { loadDrawnRecords, selectPopulation } from "./select-population";

const requestMeta = meta();
type Flag = { severity: "high" | "medium" | "low" };

beforeAll(async () => {
  await ensureReferenceRows();
}, 120_000);

const idsOf = (population: { ids: IdList }) => Array.from({ length: population.ids.length }, (_, i) => population.ids.at(i)!);

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
    expect(idsOf(await byMaker(nextMaker.id))).toEqual([fixture.merchantId]);
    expect(idsOf(await byMaker(fixture.maker.id))).toEqual([]);
  });

  it("reads the population in code-unit order with each strategy's column beside its id", async () => {
    const fixtures = [await approvedMerchant(), await approvedMerchant(), await approvedMerchant()];
    const makerIds = fixtures.map((f) => f.maker.id);
    const db = await prisma();
    const simple = await selectPopulation(db, { makerIds }, new Date(), "SIMPLE");
    expect(idsOf(simple)).toEqual(fixtures.map((f) => f.merchantId).sort());
    expect(simple.riskWeights).toBeUndefined();
    const weighted = await selectPopulation(db, { makerIds }, new Date(), "RISK_WEIGHTED");
    const merchants = await db.merchant.findMany({ where: { id: { in: idsOf(simple) } } });
    expect([...weighted.riskWeights!]).toEqual(idsOf(simple).map((id) => merchants.find((m) => m.id === id)!.inForceRiskWeight));
    const stratified = await selectPopulation(db, { makerIds }, new Date(), "STRATIFIED_BY_MAKER");
    expect([...stratified.makers!.codes].map((c) => stratified.makers!.names[c])).toEqual(idsOf(simple).map((id) => fixtures.find((f) => f.merchantId === id)!.maker.id));
    expect(idsOf(await selectPopulation(db, { makerIds: ["nobody"] }, new Date(), "SIMPLE"))).toEqual([]);
  });

  it("a drawn record's change request and people, read from the merchant row, are those of the version in force: onboarding, second approval, suspension, objection", async () => {
    const db = await prisma();
    // The three-table join the draw read before decision 040: what the copied columns must equal.
    const joined = async (merchantId: string) => {
      const [row] = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
        SELECT m.id AS "merchantId", m.version AS "merchantVersion", m.mcc, cr.id AS "changeRequestId", cr."makerId", cr."verifierId",
               cr."approverId", cr."secondApproverId", m."inForceRiskWeight" AS "riskWeight"
        FROM "Merchant" m JOIN "MerchantVersion" mv ON mv."merchantId" = m.id AND mv.version = m.version
        JOIN "ChangeRequest" cr ON cr.id = mv."changeRequestId" WHERE m.id = ${merchantId}`);
      return { ...row, merchantVersion: Number(row!.merchantVersion), riskWeight: Number(row!.riskWeight) };
    };
    const drawn = async (merchantId: string) => {
      const [record] = await loadDrawnRecords(db, [merchantId]);
      expect(record).toEqual(await joined(merchantId));
      return record!;
    };

    const people = await team();
    const newAccountAndPhone = (data: TMerchantApplicationInput) => ({
      ...data,
      merchant: { ...data.merchant, phone: `1380${crypto.randomInt(10 ** 6, 10 ** 7 - 1)}` },
      account: { ...data.account, accountNo: String(crypto.randomInt(10 ** 9, 10 ** 10 - 1)) + "123456" },
    });
    const pending = await pendingAccountChange(people, newAccountAndPhone);
    const approved = await drawn(pending.merchantId);
    expect(approved).toMatchObject({ merchantVersion: 2, changeRequestId: pending.request.id, makerId: people.maker.id, verifierId: people.verifier.id, approverId: people.supervisor.id });
    // A change of account and phone is high risk: the second approver is on the record too.
    expect(pending.request.secondApproverId).not.toBeNull();
    expect(approved.secondApproverId).toBe(pending.request.secondApproverId);

    const clerk = await seedActor("CLERK");
    await recordAccountConfirmation({
      actor: clerk,
      input: { changeRequestId: pending.request.id, version: pending.request.version, contactName: pending.before.merchant.legalRepName, phoneUsed: pending.before.merchant.phone, contactedAt: instantToChinaWallClock(new Date()), outcome: "OBJECTED", note: "商户否认变更" },
      requestMeta,
    });
    expect(await drawn(pending.merchantId)).toMatchObject({ merchantVersion: 3, changeRequestId: pending.request.id });

    const { changeRequestId } = await requestStatusChange({ actor: await seedActor("CLERK"), input: { merchantId: pending.merchantId, merchantVersion: 3, kind: "SUSPEND", reason: "商户申请暂停营业三个月" }, requestMeta });
    const supervisor = await seedActor("SUPERVISOR");
    await approveChangeRequest({ actor: supervisor, input: { changeRequestId, version: 1 }, requestMeta });
    expect(await drawn(pending.merchantId)).toMatchObject({ merchantVersion: 4, changeRequestId, verifierId: null, approverId: supervisor.id, secondApproverId: null });
  });

  it("a merchant with no version in force cannot be drawn", async () => {
    await expect(loadDrawnRecords(await prisma(), ["no-such-merchant"])).rejects.toThrow("no version in force");
  });
});
