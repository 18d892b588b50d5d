import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { previewDuplicates } from "@/lib/server/applications/preview-duplicates";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { bulkApprove } from "@/lib/server/workflow/bulk-approve";
import { returnChangeRequest } from "@/lib/server/workflow/return-change-request";
import { rejectChangeRequest } from "@/lib/server/workflow/reject-change-request";
import { getReviewView } from "@/lib/server/workflow/review-view";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { approvedMerchant, edited, verifyAndApprove } from "@/test/integration/workflow";
import { requestStatusChange } from "./request-status-change";
import { submitMerchantChange } from "./submit-merchant-change";

const requestMeta = meta();
const REASON = "商户申请暂停营业三个月";
beforeAll(ensureReferenceRows);

async function ask(actor: Actor | null, input: Record<string, unknown>) {
  return requestStatusChange({ actor, input: { kind: "SUSPEND", reason: REASON, merchantVersion: 1, ...input }, requestMeta });
}

async function approve(changeRequestId: string, version = 1) {
  return approveChangeRequest({ actor: await seedActor("SUPERVISOR"), input: { changeRequestId, version }, requestMeta });
}

describe("suspending and reactivating a merchant", () => {
  it("suspend: straight to approval with the reason kept; approval makes version 2 SUSPENDED, nothing else changes; reactivate likewise", async () => {
    const { merchantId } = await approvedMerchant();
    const db = await prisma();
    const clerk = await seedActor("CLERK");
    const { changeRequestId } = await ask(clerk, { merchantId });
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
    expect(request).toMatchObject({ kind: "SUSPEND", status: "AWAITING_APPROVAL", makerNote: REASON, baseVersion: 1, openMerchantId: merchantId, highRisk: false, verifierId: null });
    const submitted = await db.auditEvent.findFirstOrThrow({ where: { action: "change.submitted", entityId: changeRequestId } });
    expect(submitted).toMatchObject({ actorId: clerk.id, after: expect.objectContaining({ kind: "SUSPEND", reason: REASON }) });

    // The supervisor's review: the kind and the reason, no field changes.
    const view = await getReviewView(await seedActor("SUPERVISOR"), changeRequestId);
    expect(view).toMatchObject({ kind: "SUSPEND", makerNote: REASON, changes: [], statusChange: { from: "ACTIVE", to: "SUSPENDED" } });

    const supervisor = await seedActor("SUPERVISOR");
    expect(await approveChangeRequest({ actor: supervisor, input: { changeRequestId, version: 1 }, requestMeta })).toEqual({ status: "EFFECTIVE", merchantVersion: 2 });
    expect(await db.merchant.findUniqueOrThrow({ where: { id: merchantId } })).toMatchObject({ status: "SUSPENDED", version: 2 });
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } })).toMatchObject({ status: "EFFECTIVE", openMerchantId: null, approverId: supervisor.id });
    const [v1, v2] = await db.merchantVersion.findMany({ where: { merchantId }, orderBy: { version: "asc" } });
    const snapshot = (v: typeof v1) => v!.snapshot as { merchant: Record<string, unknown> };
    expect(snapshot(v1).merchant.status).toBe("ACTIVE");
    expect(snapshot(v2)).toEqual({ ...snapshot(v1), merchant: { ...snapshot(v1).merchant, status: "SUSPENDED" } });
    expect(v2).toMatchObject({ changeRequestId, approvedById: supervisor.id });
    const changed = await db.auditEvent.findFirstOrThrow({ where: { action: "merchant.status-changed", entityId: merchantId } });
    expect(changed).toMatchObject({ actorId: supervisor.id, before: { status: "ACTIVE", merchantVersion: 1 }, after: { status: "SUSPENDED", merchantVersion: 2, changeRequestId } });
    expect(await db.receivingAccount.count({ where: { merchantId } })).toBe(1);

    const back = await ask(await seedActor("CLERK"), { merchantId, merchantVersion: 2, kind: "REACTIVATE", reason: "商户已恢复营业，电话核实" });
    expect(await approve(back.changeRequestId)).toEqual({ status: "EFFECTIVE", merchantVersion: 3 });
    expect(await db.merchant.findUniqueOrThrow({ where: { id: merchantId } })).toMatchObject({ status: "ACTIVE", version: 3 });
  });

  it("refuses: wrong role, wrong status, missing or short reason, stale version, unknown merchant, an open request — writing nothing", async () => {
    const { merchantId, data } = await approvedMerchant();
    const db = await prisma();
    const clerk = await seedActor("CLERK");
    for (const role of ["SUPERVISOR", "AUDITOR", "ADMIN"] as const) expect(await codeOf(ask(await seedActor(role), { merchantId }))).toBe("FORBIDDEN");
    expect(await codeOf(ask(null, { merchantId }))).toBe("UNAUTHENTICATED");
    expect((await refusal(ask(clerk, { merchantId, kind: "REACTIVATE" }))).fieldErrors).toEqual({ _form: ["validation.statusChange.notSuspended"] });
    expect((await refusal(ask(clerk, { merchantId, reason: undefined }))).code).toBe("VALIDATION");
    expect((await refusal(ask(clerk, { merchantId, reason: "  短  " }))).fieldErrors).toEqual({ reason: ["validation.statusChange.reason"] });
    expect((await refusal(ask(clerk, { merchantId, reason: "长".repeat(501) }))).fieldErrors).toEqual({ reason: ["validation.tooLong"] });
    expect((await refusal(ask(clerk, { merchantId, kind: "CLOSE" }))).code).toBe("VALIDATION");
    expect((await refusal(ask(clerk, { merchantId, merchantVersion: 2 }))).fieldErrors).toEqual({ _form: ["validation.change.merchantChanged"] });
    expect(await codeOf(ask(clerk, { merchantId: "no-such-merchant" }))).toBe("NOT_FOUND");
    expect(await db.changeRequest.count({ where: { merchantId, kind: { in: ["SUSPEND", "REACTIVATE"] } } })).toBe(0);

    // One open request per merchant, whatever its kind.
    await submitMerchantChange({ actor: clerk, input: { merchantId, merchantVersion: 1, data: edited(data, (d) => (d.merchant.phone = "13700006666")) }, requestMeta });
    const open = await refusal(ask(await seedActor("CLERK"), { merchantId }));
    expect(open.fieldErrors).toEqual({ _form: ["validation.change.alreadyOpen"] });
    expect(await db.changeRequest.count({ where: { merchantId, kind: "SUSPEND" } })).toBe(0);
  });

  it("an open suspension blocks other changes; it cannot be suspended twice, nor reactivated while active", async () => {
    const { merchantId, data } = await approvedMerchant();
    const clerk = await seedActor("CLERK");
    const { changeRequestId } = await ask(clerk, { merchantId });
    expect((await refusal(ask(await seedActor("CLERK"), { merchantId }))).fieldErrors).toEqual({ _form: ["validation.change.alreadyOpen"] });
    const update = refusal(submitMerchantChange({ actor: clerk, input: { merchantId, merchantVersion: 1, data: edited(data, (d) => (d.merchant.phone = "13700007777")) }, requestMeta }));
    expect((await update).fieldErrors).toEqual({ _form: ["validation.change.alreadyOpen"] });
    await approve(changeRequestId);
    expect((await refusal(ask(clerk, { merchantId, merchantVersion: 2 }))).fieldErrors).toEqual({ _form: ["validation.statusChange.notActive"] });
  });

  it("decisions: the maker never approves their own (even promoted to supervisor); no return; no bulk; a rejection leaves the merchant as it was", async () => {
    const { merchantId } = await approvedMerchant();
    const db = await prisma();
    const clerk = await seedActor("CLERK");
    const { changeRequestId } = await ask(clerk, { merchantId });
    expect(await codeOf(approveChangeRequest({ actor: clerk, input: { changeRequestId, version: 1 }, requestMeta }))).toBe("FORBIDDEN");
    // The same person later holding a supervisor's role is still the maker.
    await db.user.update({ where: { id: clerk.id }, data: { role: "SUPERVISOR" } });
    expect(await codeOf(approveChangeRequest({ actor: { ...clerk, role: "SUPERVISOR" }, input: { changeRequestId, version: 1 }, requestMeta }))).toBe("SEGREGATION");

    const supervisor = await seedActor("SUPERVISOR");
    expect(await codeOf(returnChangeRequest({ actor: supervisor, input: { changeRequestId, version: 1, comment: "请补充材料后再提交" }, requestMeta }))).toBe("CONFLICT");
    expect(await bulkApprove({ actor: supervisor, input: { items: [{ changeRequestId, version: 1 }] }, requestMeta })).toEqual({ approved: 0, outcomes: [{ changeRequestId, ok: false, code: "FORBIDDEN" }] });
    expect(await codeOf(approveChangeRequest({ actor: supervisor, input: { changeRequestId, version: 2 }, requestMeta }))).toBe("CONFLICT");

    await rejectChangeRequest({ actor: supervisor, input: { changeRequestId, version: 1, reason: "暂停理由不充分" }, requestMeta });
    expect(await db.merchant.findUniqueOrThrow({ where: { id: merchantId } })).toMatchObject({ status: "ACTIVE", version: 1 });
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } })).toMatchObject({ status: "REJECTED", openMerchantId: null });
    expect(await db.auditEvent.count({ where: { action: "merchant.status-changed", entityId: merchantId } })).toBe(0);
  });

  it("a suspended merchant stays suspended when an ordinary change is approved", async () => {
    const { merchantId, data } = await approvedMerchant();
    const db = await prisma();
    await approve((await ask(await seedActor("CLERK"), { merchantId })).changeRequestId);
    const { changeRequestId } = await submitMerchantChange({ actor: await seedActor("CLERK"), input: { merchantId, merchantVersion: 2, data: edited(data, (d) => (d.merchant.phone = "13700008888")) }, requestMeta });
    const a = data.account;
    expect(await verifyAndApprove(changeRequestId, { creditCode: data.merchant.creditCode!, accountName: a.accountName, accountNo: a.accountNo, cnaps: a.cnaps })).toEqual({ status: "EFFECTIVE", merchantVersion: 3 });
    expect(await db.merchant.findUniqueOrThrow({ where: { id: merchantId } })).toMatchObject({ status: "SUSPENDED", version: 3, phone: "13700008888" });
    const v3 = await db.merchantVersion.findUniqueOrThrow({ where: { merchantId_version: { merchantId, version: 3 } } });
    expect((v3.snapshot as { merchant: { status: string } }).merchant.status).toBe("SUSPENDED");
  });
});

describe("duplicate preview while changing a merchant", () => {
  it("the merchant's own credit code, account and terminals are not duplicates; another merchant's are; an unknown merchant is refused", async () => {
    const { merchantId, data } = await approvedMerchant();
    const clerk = await seedActor("CLERK");
    const own = { creditCode: data.merchant.creditCode, accountNo: data.account.accountNo, terminalIds: data.terminals.map((t) => t.terminalId), serialNos: data.terminals.map((t) => t.serialNo) };
    const asNew = await previewDuplicates(clerk, own);
    expect(Object.keys(asNew.errors)).toEqual(expect.arrayContaining(["merchant.creditCode", "terminals.0.terminalId"]));
    expect(asNew.findings.map((f) => f.code)).toEqual(["ACCOUNT_USED_BY_OTHER_MERCHANT"]);
    expect(await previewDuplicates(clerk, { ...own, merchantId })).toEqual({ errors: {}, findings: [] });
    const other = await approvedMerchant();
    expect(Object.keys((await previewDuplicates(clerk, { ...own, merchantId: other.merchantId })).errors)).toContain("merchant.creditCode");
    expect(await codeOf(previewDuplicates(clerk, { ...own, merchantId: "no-such-merchant" }))).toBe("NOT_FOUND");
  });
});
