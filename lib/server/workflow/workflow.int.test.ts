import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { codeOf } from "@/test/integration/outcomes";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows, microApplication } from "@/test/integration/applications";
import { verifiedRequest } from "@/test/integration/workflow";
import { approveChangeRequest } from "./approve-change-request";
import { accountInForceAt, terminalBindingAt } from "./in-force";
import { rejectChangeRequest } from "./reject-change-request";
import { returnChangeRequest } from "./return-change-request";
import { verifyChangeRequest } from "./verify-change-request";

const requestMeta = meta();
beforeAll(ensureReferenceRows);


describe("blind verification", () => {
  it("a match moves the request to approval; the maker's values never come back", async () => {
    const [maker, verifier] = [await seedActor("CLERK"), await seedActor("CLERK")];
    const { request } = await verifiedRequest(maker, verifier);
    expect(request).toMatchObject({ status: "AWAITING_APPROVAL", verifierId: verifier.id, mismatchedFields: [] });
  });

  it("re-keys are normalised before comparison (spaces, full-width digits, lower case)", async () => {
    const [maker, verifier] = [await seedActor("CLERK"), await seedActor("CLERK")];
    const data = enterpriseApplication();
    const { changeRequestId } = await submitApplication({ actor: maker, input: { data }, requestMeta });
    const spaced = data.account.accountNo.replace(/(\d{4})/g, "$1 ").replace(/1/g, "１");
    const result = await verifyChangeRequest({
      actor: verifier,
      input: { changeRequestId, version: 1, creditCode: data.merchant.creditCode!.toLowerCase(), accountName: ` ${data.account.accountName} `, accountNo: spaced, cnaps: data.account.cnaps },
      requestMeta,
    });
    expect(result).toEqual({ matched: true, mismatchedFields: [], status: "AWAITING_APPROVAL" });
  });

  it("a mismatch returns it to the maker naming only the fields; after correction it needs a fresh verification", async () => {
    const [maker, verifier] = [await seedActor("CLERK"), await seedActor("CLERK")];
    const data = enterpriseApplication();
    const { changeRequestId } = await submitApplication({ actor: maker, input: { data }, requestMeta });
    const wrongAccount = `${data.account.accountNo.slice(0, -1)}${(Number(data.account.accountNo.at(-1)) + 1) % 10}`;
    const result = await verifyChangeRequest({ actor: verifier, input: { changeRequestId, version: 1, creditCode: data.merchant.creditCode, accountName: data.account.accountName, accountNo: wrongAccount, cnaps: data.account.cnaps }, requestMeta });
    expect(result).toEqual({ matched: false, mismatchedFields: ["accountNo"], status: "RETURNED" });
    expect(JSON.stringify(result)).not.toContain(data.account.accountNo);
    const db = await prisma();
    expect(await db.verification.count({ where: { changeRequestId, matched: false } })).toBe(1);
  });

  it("the maker cannot verify their own request; supervisors cannot verify; a stale version is a conflict", async () => {
    const maker = await seedActor("CLERK");
    const data = enterpriseApplication();
    const { changeRequestId } = await submitApplication({ actor: maker, input: { data }, requestMeta });
    const input = { changeRequestId, version: 1, creditCode: data.merchant.creditCode, accountName: data.account.accountName, accountNo: data.account.accountNo, cnaps: data.account.cnaps };
    expect(await codeOf(verifyChangeRequest({ actor: maker, input, requestMeta }))).toBe("SEGREGATION");
    expect(await codeOf(verifyChangeRequest({ actor: await seedActor("SUPERVISOR"), input, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(verifyChangeRequest({ actor: await seedActor("CLERK"), input: { ...input, version: 7 }, requestMeta }))).toBe("CONFLICT");
    expect(await codeOf(verifyChangeRequest({ actor: await seedActor("CLERK"), input: { ...input, accountNo: "12" }, requestMeta }))).toBe("VALIDATION");
  });
});

describe("approval", () => {
  it("creates version 1 of the merchant with its account in force and terminals bound", async () => {
    const [maker, verifier, supervisor] = [await seedActor("CLERK"), await seedActor("CLERK"), await seedActor("SUPERVISOR")];
    const { data, request } = await verifiedRequest(maker, verifier);
    const before = new Date(Date.now() - 1000);
    const result = await approveChangeRequest({ actor: supervisor, input: { changeRequestId: request.id, version: request.version }, requestMeta });
    expect(result).toEqual({ status: "EFFECTIVE", merchantVersion: 1 });
    const db = await prisma();
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: request.merchantId } });
    expect(merchant).toMatchObject({ status: "ACTIVE", version: 1, legalName: data.merchant.legalName, creditCode: data.merchant.creditCode });
    expect(merchant.merchantNo).toMatch(/^898350154110\d{3}$/);
    const closed = await db.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(closed).toMatchObject({ approverId: supervisor.id, openMerchantId: null });
    expect(await accountInForceAt(db, merchant.id, before)).toBeNull();
    expect((await accountInForceAt(db, merchant.id, new Date()))?.accountLast4).toBe(data.account.accountNo.slice(-4));
    expect((await terminalBindingAt(db, data.terminals[0]!.terminalId, new Date()))?.merchantId).toBe(merchant.id);
    expect(await db.merchantVersion.count({ where: { merchantId: merchant.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "change.approved", entityId: request.id } })).toBe(1);
  });

  it("micro-merchants have no credit code: two at once are neither duplicates of each other nor asked for one", async () => {
    const [maker, verifier, supervisor] = [await seedActor("CLERK"), await seedActor("CLERK"), await seedActor("SUPERVISOR")];
    const db = await prisma();
    const submitted = [];
    for (const data of [microApplication(), microApplication()]) {
      const { changeRequestId } = await submitApplication({ actor: maker, input: { data }, requestMeta });
      submitted.push({ data, changeRequestId });
    }
    for (const { data, changeRequestId } of submitted) {
      const request = await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
      expect(request.creditCode).toBeNull();
      await verifyChangeRequest({ actor: verifier, input: { changeRequestId, version: 1, accountName: data.account.accountName, accountNo: data.account.accountNo, cnaps: data.account.cnaps }, requestMeta });
      expect(await approveChangeRequest({ actor: supervisor, input: { changeRequestId, version: 2 }, requestMeta })).toMatchObject({ status: "EFFECTIVE" });
      expect((await db.merchant.findUniqueOrThrow({ where: { id: request.merchantId } })).creditCode).toBeNull();
    }
  });

  it("maker and verifier cannot approve; clerks cannot; a double click changes nothing the second time", async () => {
    const [maker, verifier, supervisor] = [await seedActor("CLERK"), await seedActor("CLERK"), await seedActor("SUPERVISOR")];
    const { request } = await verifiedRequest(maker, verifier);
    const input = { changeRequestId: request.id, version: request.version };
    // The same person holding both roles is simulated by a supervisor actor with the maker's id.
    expect(await codeOf(approveChangeRequest({ actor: { ...supervisor, id: maker.id }, input, requestMeta }))).toBe("SEGREGATION");
    expect(await codeOf(approveChangeRequest({ actor: { ...supervisor, id: verifier.id }, input, requestMeta }))).toBe("SEGREGATION");
    expect(await codeOf(approveChangeRequest({ actor: maker, input, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(approveChangeRequest({ actor: supervisor, input, requestMeta }))).toBe("OK");
    expect(await codeOf(approveChangeRequest({ actor: supervisor, input, requestMeta }))).toBe("CONFLICT");
    expect(await (await prisma()).merchantVersion.count({ where: { merchantId: request.merchantId } })).toBe(1);
  });

  it("the database itself refuses an approver who is the maker, whatever path wrote it", async () => {
    const [maker, verifier] = [await seedActor("CLERK"), await seedActor("CLERK")];
    const { request } = await verifiedRequest(maker, verifier);
    const db = await prisma();
    await expect(db.changeRequest.update({ where: { id: request.id }, data: { approverId: maker.id } })).rejects.toThrow();
    await expect(db.changeRequest.update({ where: { id: request.id }, data: { approverId: verifier.id } })).rejects.toThrow();
  });

  it("reject needs a reason and closes the request; return needs a comment and sends it back for a fresh verification", async () => {
    const [maker, verifier, supervisor] = [await seedActor("CLERK"), await seedActor("CLERK"), await seedActor("SUPERVISOR")];
    const one = await verifiedRequest(maker, verifier);
    expect(await codeOf(rejectChangeRequest({ actor: supervisor, input: { changeRequestId: one.request.id, version: one.request.version, reason: "" }, requestMeta }))).toBe("VALIDATION");
    await rejectChangeRequest({ actor: supervisor, input: { changeRequestId: one.request.id, version: one.request.version, reason: "营业执照已注销" }, requestMeta });
    const db = await prisma();
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: one.request.id } })).toMatchObject({ status: "REJECTED", openMerchantId: null, decisionNote: "营业执照已注销" });
    const two = await verifiedRequest(maker, verifier);
    await returnChangeRequest({ actor: supervisor, input: { changeRequestId: two.request.id, version: two.request.version, comment: "请补充门头照片" }, requestMeta });
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: two.request.id } })).toMatchObject({ status: "RETURNED", verifierId: null, openMerchantId: two.request.merchantId });
  });
});

describe("correction after a return", () => {
  it("the maker corrects a returned request; it needs a fresh verification; nobody else may correct it", async () => {
    const { correctChangeRequest } = await import("./correct-change-request");
    const [maker, verifier, other] = [await seedActor("CLERK"), await seedActor("CLERK"), await seedActor("CLERK")];
    const data = enterpriseApplication();
    const { changeRequestId } = await submitApplication({ actor: maker, input: { data }, requestMeta });
    await verifyChangeRequest({ actor: verifier, input: { changeRequestId, version: 1, creditCode: data.merchant.creditCode, accountName: data.account.accountName, accountNo: "1234567890123", cnaps: data.account.cnaps }, requestMeta });
    const corrected = { ...data, account: { ...data.account, branchName: "工行福州鼓楼支行" } };
    expect(await codeOf(correctChangeRequest({ actor: other, input: { changeRequestId, version: 2, data: corrected }, requestMeta }))).toBe("SEGREGATION");
    expect(await correctChangeRequest({ actor: maker, input: { changeRequestId, version: 2, data: corrected }, requestMeta })).toEqual({ status: "AWAITING_VERIFICATION", version: 3 });
    const request = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
    expect(request).toMatchObject({ status: "AWAITING_VERIFICATION", verifierId: null, mismatchedFields: [] });
    expect(await codeOf(correctChangeRequest({ actor: maker, input: { changeRequestId, version: 3, data: corrected }, requestMeta }))).toBe("CONFLICT");
  });
});

describe("risk flags at approval", () => {
  it("flags must be acknowledged; a high-risk request needs a second, different supervisor", async () => {
    const [maker, verifier, sup1, sup2] = [await seedActor("CLERK"), await seedActor("CLERK"), await seedActor("SUPERVISOR"), await seedActor("SUPERVISOR")];
    const first = enterpriseApplication();
    await submitApplication({ actor: maker, input: { data: first }, requestMeta });
    const shared = enterpriseApplication({ accountNo: first.account.accountNo });
    const { changeRequestId } = await submitApplication({ actor: maker, input: { data: shared }, requestMeta });
    await verifyChangeRequest({ actor: verifier, input: { changeRequestId, version: 1, creditCode: shared.merchant.creditCode, accountName: shared.account.accountName, accountNo: shared.account.accountNo, cnaps: shared.account.cnaps }, requestMeta });
    const db = await prisma();
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
    const codes = (request.riskFlags as { code: string }[]).map((f) => f.code);
    expect(codes).toContain("ACCOUNT_SHARED");
    expect(request.highRisk).toBe(true);
    expect(await codeOf(approveChangeRequest({ actor: sup1, input: { changeRequestId, version: request.version }, requestMeta }))).toBe("VALIDATION");
    const afterFirst = await approveChangeRequest({ actor: sup1, input: { changeRequestId, version: request.version, acknowledgedFlags: codes }, requestMeta });
    expect(afterFirst).toEqual({ status: "AWAITING_SECOND_APPROVAL", merchantVersion: null });
    expect(await codeOf(approveChangeRequest({ actor: sup1, input: { changeRequestId, version: request.version + 1, acknowledgedFlags: codes }, requestMeta }))).toBe("SEGREGATION");
    expect(await approveChangeRequest({ actor: sup2, input: { changeRequestId, version: request.version + 1, acknowledgedFlags: codes }, requestMeta })).toEqual({ status: "EFFECTIVE", merchantVersion: 1 });
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } })).toMatchObject({ approverId: sup1.id, secondApproverId: sup2.id });
  });
});
