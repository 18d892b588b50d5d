import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { instantToChinaWallClock } from "@/lib/domain/confirmations/hold";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { prisma } from "@/lib/server/db";
import { applyElapsedHolds } from "@/lib/server/confirmations/apply-elapsed-holds";
import { recordAccountConfirmation } from "@/lib/server/confirmations/record-account-confirmation";
import { submitMerchantChange } from "@/lib/server/merchants/submit-merchant-change";
import { cancelChangeRequest } from "@/lib/server/workflow/cancel-change-request";
import { rejectChangeRequest } from "@/lib/server/workflow/reject-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { workCounts } from "@/lib/server/workflow/queues";
import { approveFully } from "@/test/integration/account-change";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { discrepancyCase, openedCase } from "@/test/integration/cases";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { approvedMerchant, edited } from "@/test/integration/workflow";
import { closeCase } from "./close-case";
import { listCorrectionCases } from "./list-correction-cases";

const requestMeta = meta();
beforeAll(ensureReferenceRows);

type Found = Awaited<ReturnType<typeof discrepancyCase>>;
const db = () => prisma();
const caseOf = async (id: string) => (await db()).case.findUniqueOrThrow({ where: { id } });
const caseEvents = async (id: string) => (await db()).auditEvent.findMany({ where: { entity: "case", entityId: id }, orderBy: { seq: "asc" } });

/** The clerk's change for the case: a new receipt name, or (with `account`) a new receiving account too. */
async function submitCorrection(found: Found, options: { account?: boolean; caseId?: string } = {}) {
  const clerk = await seedActor("CLERK");
  const merchant = await (await db()).merchant.findUniqueOrThrow({ where: { id: found.merchantId } });
  const accountNo = String(crypto.randomInt(10 ** 9, 10 ** 10 - 1)) + "123456";
  const data = options.account
    ? { ...found.data, account: { ...found.data.account, accountNo } }
    : edited(found.data, (d) => void (d.merchant.receiptName = `${d.merchant.receiptName}店`));
  const submitted = await submitMerchantChange({ actor: clerk, input: { merchantId: found.merchantId, merchantVersion: merchant.version, data, caseId: options.caseId ?? found.case.id }, requestMeta });
  return { clerk, data: data as TMerchantApplicationInput, truth: options.account ? { ...found.data, account: { ...found.data.account, accountNo } } : found.data, ...submitted };
}

async function verifyBlind(changeRequestId: string, truth: TMerchantApplicationInput) {
  await verifyChangeRequest({
    actor: await seedActor("CLERK"),
    input: { changeRequestId, version: 1, creditCode: truth.merchant.creditCode, accountName: truth.account.accountName, accountNo: truth.account.accountNo, cnaps: truth.account.cnaps },
    requestMeta,
  });
}

describe("a spot-check discrepancy opens a correction case", () => {
  it("linked to the merchant and the item, summarised by the auditor's note, in the same transaction as the outcome", async () => {
    const found = await discrepancyCase("Receipt name on the slip differs from the record");
    expect(found.recorded.caseReference).toMatch(/^CASE-\d{8}-[0-9A-F]{8}$/);
    expect(found.case).toMatchObject({ kind: "SPOT_CHECK_DISCREPANCY", status: "OPEN", merchantId: found.merchantId, spotCheckItemId: found.item.id, summary: "Receipt name on the slip differs from the record", createdById: found.auditor.id });
    expect((await caseEvents(found.case.id)).map((e) => [e.action, e.actorId])).toEqual([["case.opened", found.auditor.id]]);
  });

  it("reaches every clerk's work queue, and only clerks'", async () => {
    const found = await discrepancyCase();
    const other = await openedCase({ merchantId: found.merchantId });
    const { cases } = await listCorrectionCases(await seedActor("CLERK"));
    expect(cases.find((c) => c.id === found.case.id)).toMatchObject({ reference: found.case.reference, merchantId: found.merchantId, summary: found.case.summary, openRequest: null });
    // An auditors' investigation (here a cardholder report) is not a clerk's correction.
    expect(cases.map((c) => c.id)).not.toContain(other.id);
    for (const role of ["SUPERVISOR", "AUDITOR", "ADMIN"] as const) expect(await codeOf(listCorrectionCases(await seedActor(role)))).toBe("FORBIDDEN");
  });
});

describe("the clerk's change request carries the case and the case follows it", () => {
  it("details change: in progress on submission, closed by the system when approved", async () => {
    const found = await discrepancyCase();
    const waiting = (await workCounts(await seedActor("CLERK"))).corrections!;
    expect(waiting).toBeGreaterThan(0);
    const { changeRequestId, truth, clerk } = await submitCorrection(found);
    // Taken up: no longer counted as waiting for a clerk.
    expect((await workCounts(clerk)).corrections).toBe(waiting - 1);
    expect(await (await db()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } })).toMatchObject({ caseId: found.case.id });
    expect(await caseOf(found.case.id)).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect((await listCorrectionCases(clerk)).cases.find((c) => c.id === found.case.id)?.openRequest).toMatchObject({ id: changeRequestId });

    await verifyBlind(changeRequestId, truth);
    expect(await approveFully(changeRequestId, await seedActor("SUPERVISOR"))).toMatchObject({ status: "EFFECTIVE" });
    expect(await caseOf(found.case.id)).toMatchObject({ status: "CLOSED", outcome: "CORRECTED", closedById: null });
    const events = await caseEvents(found.case.id);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["case.opened", found.auditor.id], ["case.followed-change", clerk.id], ["case.closed", null]]);
    expect(events.at(-1)).toMatchObject({ actorName: null, after: { outcome: "CORRECTED", changeRequestId } });
    expect((await listCorrectionCases(clerk)).cases.map((c) => c.id)).not.toContain(found.case.id);
  });

  it("account change: stays in progress while the new account waits, closes when the call confirms it", async () => {
    const found = await discrepancyCase();
    const { changeRequestId, truth } = await submitCorrection(found, { account: true });
    await verifyBlind(changeRequestId, truth);
    expect(await approveFully(changeRequestId, await seedActor("SUPERVISOR"))).toMatchObject({ status: "PENDING_CONFIRMATION" });
    expect(await caseOf(found.case.id)).toMatchObject({ status: "IN_PROGRESS" });
    const request = await (await db()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
    await recordAccountConfirmation({
      actor: await seedActor("CLERK"),
      input: { changeRequestId, version: request.version, contactName: found.data.merchant.legalRepName, phoneUsed: found.data.merchant.phone, contactedAt: instantToChinaWallClock(new Date()), outcome: "CONFIRMED", note: "" },
      requestMeta,
    });
    expect(await caseOf(found.case.id)).toMatchObject({ status: "CLOSED", outcome: "CORRECTED", closedById: null });
  });

  it("account change: closes when the hold elapses", async () => {
    const found = await discrepancyCase();
    const { changeRequestId, truth } = await submitCorrection(found, { account: true });
    await verifyBlind(changeRequestId, truth);
    await approveFully(changeRequestId, await seedActor("SUPERVISOR"));
    await applyElapsedHolds(new Date(Date.now() + 30 * 24 * 3600_000));
    expect(await (await db()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } })).toMatchObject({ status: "EFFECTIVE" });
    expect(await caseOf(found.case.id)).toMatchObject({ status: "CLOSED", outcome: "CORRECTED" });
  });

  it("goes back to open when the change is rejected, cancelled or objected to", async () => {
    const rejected = await discrepancyCase();
    const r = await submitCorrection(rejected);
    await verifyBlind(r.changeRequestId, r.truth);
    await rejectChangeRequest({ actor: await seedActor("SUPERVISOR"), input: { changeRequestId: r.changeRequestId, version: 2, reason: "Wrong field corrected." }, requestMeta });
    expect(await caseOf(rejected.case.id)).toMatchObject({ status: "OPEN", closedAt: null });

    const cancelled = await discrepancyCase();
    const c = await submitCorrection(cancelled);
    await cancelChangeRequest({ actor: c.clerk, input: { changeRequestId: c.changeRequestId, version: 1 }, requestMeta });
    expect(await caseOf(cancelled.case.id)).toMatchObject({ status: "OPEN" });
    expect((await caseEvents(cancelled.case.id)).at(-1)).toMatchObject({ action: "case.followed-change", actorId: null, before: { status: "IN_PROGRESS" }, after: { status: "OPEN", changeStatus: "WITHDRAWN" } });

    const objected = await discrepancyCase();
    const o = await submitCorrection(objected, { account: true });
    await verifyBlind(o.changeRequestId, o.truth);
    await approveFully(o.changeRequestId, await seedActor("SUPERVISOR"));
    const pending = await (await db()).changeRequest.findUniqueOrThrow({ where: { id: o.changeRequestId } });
    await recordAccountConfirmation({
      actor: await seedActor("CLERK"),
      input: { changeRequestId: o.changeRequestId, version: pending.version, contactName: objected.data.merchant.legalRepName, phoneUsed: objected.data.merchant.phone, contactedAt: instantToChinaWallClock(new Date()), outcome: "OBJECTED", note: "Merchant never asked for this." },
      requestMeta,
    });
    expect(await caseOf(objected.case.id)).toMatchObject({ status: "OPEN" });
    // The reopened case can be corrected again.
    const again = await submitCorrection(objected);
    expect(await caseOf(objected.case.id)).toMatchObject({ status: "IN_PROGRESS" });
    expect(again.changeRequestId).toBeTruthy();
  });

  it("a case an auditor already closed stays closed when the change takes effect", async () => {
    const found = await discrepancyCase();
    const { changeRequestId, truth } = await submitCorrection(found);
    await closeCase({ actor: found.auditor, input: { caseId: found.case.id, version: 2, outcome: "NO_ISSUE", outcomeNote: "Checked again: the record was right." }, requestMeta });
    await verifyBlind(changeRequestId, truth);
    await approveFully(changeRequestId, await seedActor("SUPERVISOR"));
    expect(await caseOf(found.case.id)).toMatchObject({ status: "CLOSED", outcome: "NO_ISSUE", closedById: found.auditor.id });
  });
});

describe("a change can only carry an open correction case of its merchant", () => {
  it("refuses another merchant's case, an investigation case, a closed case, and changes nothing", async () => {
    const found = await discrepancyCase();
    const elsewhere = await approvedMerchant();
    const notCorrection = await openedCase({ merchantId: found.merchantId });
    const cases = [
      { caseId: (await discrepancyCase()).case.id, code: "VALIDATION", key: "validation.case.notForThisMerchant" },
      { caseId: notCorrection.id, code: "VALIDATION", key: "validation.case.notForThisMerchant" },
      { caseId: "missing", code: "VALIDATION", key: "validation.case.notForThisMerchant" },
    ];
    for (const { caseId, code, key } of cases) {
      const err = await refusal(submitCorrection(found, { caseId }));
      expect([err.code, err.fieldErrors]).toEqual([code, { _form: [key] }]);
    }
    await closeCase({ actor: found.auditor, input: { caseId: found.case.id, version: 1, outcome: "NO_ISSUE", outcomeNote: "Checked again: the record was right." }, requestMeta });
    const closed = await refusal(submitCorrection(found));
    expect([closed.code, closed.fieldErrors]).toEqual(["CONFLICT", { _form: ["validation.case.closed"] }]);
    expect(await (await db()).changeRequest.count({ where: { merchantId: { in: [found.merchantId, elsewhere.merchantId] }, kind: "UPDATE" } })).toBe(0);
  });
});
