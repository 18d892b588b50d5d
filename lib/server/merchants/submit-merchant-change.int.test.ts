import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows, uniqueTerminalId } from "@/test/integration/applications";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { approvedMerchant, edited, verifyAndApprove } from "@/test/integration/workflow";
import { accountInForceAt, terminalBindingAt } from "@/lib/server/workflow/in-force";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { submitMerchantChange } from "./submit-merchant-change";

const requestMeta = meta();
beforeAll(ensureReferenceRows);

describe("changing an approved merchant", () => {
  it("a new phone with the sealed numbers left blank: version 2, the same account stays in force, no confirmation needed", async () => {
    const { data, merchantId } = await approvedMerchant();
    const clerk = await seedActor("CLERK");
    const result = await submitMerchantChange({ actor: clerk, input: { merchantId, merchantVersion: 1, data: edited(data, (d) => (d.merchant.phone = "13700001111")) }, requestMeta });
    expect(result.changesAccount).toBe(false);
    const db = await prisma();
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: result.changeRequestId } });
    expect(request).toMatchObject({ kind: "UPDATE", status: "AWAITING_VERIFICATION", baseVersion: 1, openMerchantId: merchantId, accountLast4: data.account.accountNo.slice(-4) });
    expect(JSON.stringify(request.proposal)).not.toContain(data.account.accountNo);

    const a = data.account;
    expect(await verifyAndApprove(request.id, { creditCode: data.merchant.creditCode!, accountName: a.accountName, accountNo: a.accountNo, cnaps: a.cnaps })).toEqual({ status: "EFFECTIVE", merchantVersion: 2 });
    expect(await db.merchant.findUniqueOrThrow({ where: { id: merchantId } })).toMatchObject({ version: 2, phone: "13700001111", status: "ACTIVE" });
    expect(await db.receivingAccount.count({ where: { merchantId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "change.submitted", entityId: request.id, actorId: clerk.id } })).toBe(1);
  });

  it("a new receiving account waits for confirmation: the old one stays in force before, during and after approval", async () => {
    const { data, merchantId } = await approvedMerchant();
    const db = await prisma();
    const newAccountNo = "6200112233445566";
    const beforeChange = new Date();
    const { changeRequestId, changesAccount } = await submitMerchantChange({ actor: await seedActor("CLERK"), input: { merchantId, merchantVersion: 1, data: edited(data, (d) => (d.account.accountNo = newAccountNo)) }, requestMeta });
    expect(changesAccount).toBe(true);
    const a = data.account;
    expect(await verifyAndApprove(changeRequestId, { creditCode: data.merchant.creditCode!, accountName: a.accountName, accountNo: newAccountNo, cnaps: a.cnaps })).toEqual({ status: "PENDING_CONFIRMATION", merchantVersion: 2 });
    const accounts = await db.receivingAccount.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" } });
    expect(accounts.map((x) => [x.accountLast4, x.status])).toEqual([[a.accountNo.slice(-4), "IN_FORCE"], [newAccountNo.slice(-4), "PENDING_CONFIRMATION"]]);
    expect((await accountInForceAt(db, merchantId, beforeChange))?.accountLast4).toBe(a.accountNo.slice(-4));
    expect((await accountInForceAt(db, merchantId, new Date()))?.accountLast4).toBe(a.accountNo.slice(-4));
  });

  it("terminals are unbound and bound with the approval, not before", async () => {
    const { data, merchantId } = await approvedMerchant();
    const db = await prisma();
    const oldTerminal = data.terminals[0]!.terminalId;
    const newTerminal = uniqueTerminalId();
    const { changeRequestId } = await submitMerchantChange({
      actor: await seedActor("CLERK"),
      input: { merchantId, merchantVersion: 1, data: edited(data, (d) => (d.terminals = [{ terminalId: newTerminal, serialNo: "SN-SWAP-0001", installAddress: "二楼收银台" }])) },
      requestMeta,
    });
    expect((await terminalBindingAt(db, oldTerminal, new Date()))?.merchantId).toBe(merchantId);
    expect(await terminalBindingAt(db, newTerminal, new Date())).toBeNull();
    const a = data.account;
    await verifyAndApprove(changeRequestId, { creditCode: data.merchant.creditCode!, accountName: a.accountName, accountNo: a.accountNo, cnaps: a.cnaps });
    expect(await terminalBindingAt(db, oldTerminal, new Date())).toBeNull();
    expect((await terminalBindingAt(db, newTerminal, new Date()))?.merchantId).toBe(merchantId);
  });

  it("refuses: nothing changed, a stale version, a second open change, wrong roles, unknown merchants, bad input — writing nothing", async () => {
    const { data, merchantId, maker } = await approvedMerchant();
    const db = await prisma();
    const clerk = await seedActor("CLERK");
    const phone = (p: string) => edited(data, (d) => (d.merchant.phone = p));
    expect((await refusal(submitMerchantChange({ actor: clerk, input: { merchantId, merchantVersion: 1, data: edited(data, () => {}) }, requestMeta }))).fieldErrors).toEqual({ _form: ["validation.change.nothingChanged"] });
    expect(await codeOf(submitMerchantChange({ actor: clerk, input: { merchantId, merchantVersion: 2, data: phone("13700002222") }, requestMeta }))).toBe("CONFLICT");
    for (const role of ["SUPERVISOR", "AUDITOR", "ADMIN"] as const) {
      expect(await codeOf(submitMerchantChange({ actor: await seedActor(role), input: { merchantId, merchantVersion: 1, data: phone("13700002222") }, requestMeta }))).toBe("FORBIDDEN");
    }
    expect(await codeOf(submitMerchantChange({ actor: clerk, input: { merchantId: "no-such-merchant", merchantVersion: 1, data: phone("13700002222") }, requestMeta }))).toBe("NOT_FOUND");
    const bad = await refusal(submitMerchantChange({ actor: clerk, input: { merchantId, merchantVersion: 1, data: edited(data, (d) => { d.merchant.phone = "12"; d.account.cnaps = "x"; }) }, requestMeta }));
    expect(Object.keys(bad.fieldErrors)).toEqual(expect.arrayContaining(["merchant.phone", "account.cnaps"]));
    expect(await codeOf(submitMerchantChange({ actor: clerk, input: { merchantId, merchantVersion: 1, data: phone("13700002222"), extra: true }, requestMeta }))).toBe("VALIDATION");
    expect(await db.changeRequest.count({ where: { merchantId, kind: "UPDATE" } })).toBe(0);

    await submitMerchantChange({ actor: clerk, input: { merchantId, merchantVersion: 1, data: phone("13700003333") }, requestMeta });
    expect((await refusal(submitMerchantChange({ actor: maker, input: { merchantId, merchantVersion: 1, data: phone("13700004444") }, requestMeta }))).fieldErrors).toEqual({ _form: ["validation.change.alreadyOpen"] });
    expect(await db.changeRequest.count({ where: { merchantId, kind: "UPDATE" } })).toBe(1);
  });

  it("two clerks changing one merchant at once: exactly one request is opened", async () => {
    const { data, merchantId } = await approvedMerchant();
    const clerks = await Promise.all([0, 1, 2, 3].map(() => seedActor("CLERK")));
    const results = await Promise.all(clerks.map((actor, i) => codeOf(submitMerchantChange({ actor, input: { merchantId, merchantVersion: 1, data: edited(data, (d) => (d.merchant.phone = `1370000500${i}`)) }, requestMeta }))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(3);
    expect(await (await prisma()).changeRequest.count({ where: { merchantId, kind: "UPDATE" } })).toBe(1);
  });

  it("the maker of a change cannot verify it", async () => {
    const { data, merchantId } = await approvedMerchant();
    const clerk = await seedActor("CLERK");
    const { changeRequestId } = await submitMerchantChange({ actor: clerk, input: { merchantId, merchantVersion: 1, data: edited(data, (d) => (d.merchant.street = "五四路 9 号")) }, requestMeta });
    const a = data.account;
    expect(await codeOf(verifyChangeRequest({ actor: clerk, input: { changeRequestId, version: 1, creditCode: data.merchant.creditCode!, accountName: a.accountName, accountNo: a.accountNo, cnaps: a.cnaps }, requestMeta }))).toBe("SEGREGATION");
  });
});
