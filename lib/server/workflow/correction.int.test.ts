import { beforeAll, describe, expect, it } from "vitest";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import type { Actor } from "@/lib/server/auth/current-actor";
import { previewDuplicates } from "@/lib/server/applications/preview-duplicates";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { decryptSensitive } from "@/lib/server/crypto/sensitive";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows, validCnaps } from "@/test/integration/applications";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { verifiedRequest } from "@/test/integration/workflow";
import { cancelChangeRequest } from "./cancel-change-request";
import { correctChangeRequest } from "./correct-change-request";
import { getCorrectionTask } from "./correction-task";
import { returnChangeRequest } from "./return-change-request";
import { verifyChangeRequest } from "./verify-change-request";

const requestMeta = meta();
beforeAll(ensureReferenceRows);

const otherDigit = (s: string) => `${s.slice(0, -1)}${(Number(s.at(-1)) + 1) % 10}`;

/** Submitted by `maker`, re-keyed by a second clerk with `wrong` field(s) typed differently: RETURNED at version 2. */
async function returnedByVerifier(maker: Actor, wrong: { accountNo?: boolean; cnaps?: boolean }, accountNo?: string) {
  const data = enterpriseApplication({ accountNo });
  const { changeRequestId } = await submitApplication({ actor: maker, input: { data }, requestMeta });
  const a = data.account;
  await verifyChangeRequest({
    actor: await seedActor("CLERK"),
    input: { changeRequestId, version: 1, creditCode: data.merchant.creditCode, accountName: a.accountName, accountNo: wrong.accountNo ? otherDigit(a.accountNo) : a.accountNo, cnaps: wrong.cnaps ? validCnaps() : a.cnaps },
    requestMeta,
  });
  return { data, changeRequestId, version: 2 };
}

/** The form as the correction page sends it: the two sealed numbers blank unless given. */
function blankSealed(data: TMerchantApplicationInput, typed: { accountNo?: string; legalRepId?: string } = {}): TMerchantApplicationInput {
  return { ...data, merchant: { ...data.merchant, legalRepId: typed.legalRepId ?? "" }, account: { ...data.account, accountNo: typed.accountNo ?? "" } };
}

async function stored(changeRequestId: string) {
  const request = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
  return { request, sealed: request.proposal as unknown as TSealedProposal };
}

describe("correction: a blank sealed number keeps the one on file", () => {
  it("blank keeps both sealed values: the new proposal opens to the old numbers, re-sealed, never in plaintext", async () => {
    const maker = await seedActor("CLERK");
    const { data, changeRequestId, version } = await returnedByVerifier(maker, { cnaps: true });
    const before = await stored(changeRequestId);
    expect(before.request.mismatchedFields).toEqual(["cnaps"]);
    const corrected = blankSealed({ ...data, account: { ...data.account, branchName: "工行福州鼓楼支行" } });
    expect(await correctChangeRequest({ actor: maker, input: { changeRequestId, version, data: corrected }, requestMeta })).toEqual({ status: "AWAITING_VERIFICATION", version: 3 });

    const { request, sealed } = await stored(changeRequestId);
    expect(decryptSensitive("account-no", sealed.account.accountNoEnc)).toBe(data.account.accountNo);
    expect(decryptSensitive("resident-id", sealed.merchant.legalRepIdEnc)).toBe(data.merchant.legalRepId);
    expect(sealed.account.accountNoEnc).not.toBe(before.sealed.account.accountNoEnc); // sealed afresh
    expect(request).toMatchObject({ accountNoHash: before.request.accountNoHash, accountLast4: data.account.accountNo.slice(-4), status: "AWAITING_VERIFICATION", mismatchedFields: [] });
    expect(sealed.account.branchName).toBe("工行福州鼓楼支行");
    const row = JSON.stringify(request);
    expect(row).not.toContain(data.account.accountNo);
    expect(row).not.toContain(data.merchant.legalRepId);
  });

  it("a typed number replaces the one on file", async () => {
    const maker = await seedActor("CLERK");
    const { data, changeRequestId, version } = await returnedByVerifier(maker, { cnaps: true });
    const newAccount = otherDigit(data.account.accountNo);
    await correctChangeRequest({ actor: maker, input: { changeRequestId, version, data: blankSealed(data, { accountNo: newAccount }) }, requestMeta });
    const { request, sealed } = await stored(changeRequestId);
    expect(decryptSensitive("account-no", sealed.account.accountNoEnc)).toBe(newAccount);
    expect(decryptSensitive("resident-id", sealed.merchant.legalRepIdEnc)).toBe(data.merchant.legalRepId);
    expect(request.accountLast4).toBe(newAccount.slice(-4));
    expect(JSON.stringify(request)).not.toContain(newAccount);
  });

  it("a number the verifier found different must be re-typed: blank is refused, on the server too", async () => {
    const maker = await seedActor("CLERK");
    const { data, changeRequestId, version } = await returnedByVerifier(maker, { accountNo: true });
    const refused = await refusal(correctChangeRequest({ actor: maker, input: { changeRequestId, version, data: blankSealed(data) }, requestMeta }));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fieldErrors).toEqual({ "account.accountNo": ["validation.sealed.retype"] });
    expect((await stored(changeRequestId)).request).toMatchObject({ status: "RETURNED", version: 2 });
    // Re-typing the same number (the maker was right) is accepted; the unflagged ID may stay blank.
    await correctChangeRequest({ actor: maker, input: { changeRequestId, version, data: blankSealed(data, { accountNo: data.account.accountNo }) }, requestMeta });
    expect((await stored(changeRequestId)).request).toMatchObject({ status: "AWAITING_VERIFICATION", mismatchedFields: [] });
  });

  it("a kept number is judged with the rest of the application; a typed one is checked as usual", async () => {
    const maker = await seedActor("CLERK");
    // 20 digits: a corporate account, too long for any bank card.
    const { data, changeRequestId, version } = await returnedByVerifier(maker, { cnaps: true }, `3501${Date.now()}${String(Math.random()).slice(2, 5)}`.slice(0, 20).padEnd(20, "7"));
    const asCard = blankSealed({ ...data, merchant: { ...data.merchant, type: "INDIVIDUAL_BUSINESS" }, account: { ...data.account, accountType: "PERSONAL" } });
    const typeErrors = (await refusal(correctChangeRequest({ actor: maker, input: { changeRequestId, version, data: asCard }, requestMeta }))).fieldErrors;
    // All at once: the form's own errors, and the kept corporate number that is no debit card.
    expect(typeErrors).toMatchObject({ "merchant.creditCode": ["validation.merchant.creditCodeNotIndividual"], "account.accountNo": ["validation.sealed.keptInvalid", "field.BAD_LENGTH"] });
    const typo = await refusal(correctChangeRequest({ actor: maker, input: { changeRequestId, version, data: blankSealed(data, { legalRepId: otherDigit(data.merchant.legalRepId.replace(/X$/, "1")) }) }, requestMeta }));
    expect(typo.fieldErrors["merchant.legalRepId"]).toEqual(["field.CHECK_DIGIT"]);
  });

  it("after a supervisor's return both numbers may stay blank; only the maker may correct, before anything typed is judged", async () => {
    const [maker, verifier, supervisor, other] = [await seedActor("CLERK"), await seedActor("CLERK"), await seedActor("SUPERVISOR"), await seedActor("CLERK")];
    const { data, request } = await verifiedRequest(maker, verifier);
    await returnChangeRequest({ actor: supervisor, input: { changeRequestId: request.id, version: request.version, comment: "请核对开户支行名称" }, requestMeta });
    const target = { changeRequestId: request.id, version: request.version + 1 };
    expect(await codeOf(correctChangeRequest({ actor: other, input: { ...target, data: { nonsense: true } }, requestMeta }))).toBe("SEGREGATION");
    expect(await codeOf(correctChangeRequest({ actor: supervisor, input: { ...target, data: blankSealed(data) }, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(correctChangeRequest({ actor: maker, input: { ...target, version: 1, data: blankSealed(data) }, requestMeta }))).toBe("CONFLICT");
    expect(await correctChangeRequest({ actor: maker, input: { ...target, data: blankSealed(data) }, requestMeta })).toMatchObject({ status: "AWAITING_VERIFICATION" });
    expect(decryptSensitive("account-no", (await stored(request.id)).sealed.account.accountNoEnc)).toBe(data.account.accountNo);
  });
});

describe("the correction page's data", () => {
  it("gives the maker the proposal without the sealed numbers, only their last 4; nobody else gets it", async () => {
    const maker = await seedActor("CLERK");
    const { data, changeRequestId } = await returnedByVerifier(maker, { accountNo: true });
    const task = await getCorrectionTask(maker, changeRequestId);
    expect(task).toMatchObject({ found: true, mine: true, status: "RETURNED", version: 2, mismatchedFields: ["accountNo"], onFile: { accountNo: data.account.accountNo.slice(-4), legalRepId: data.merchant.legalRepId.slice(-4) } });
    if (!task.mine) throw new Error("expected the maker's task");
    expect(task.values.account).toMatchObject({ accountNo: "", accountName: data.account.accountName, cnaps: data.account.cnaps });
    expect(task.values.merchant).toMatchObject({ legalRepId: "", creditCode: data.merchant.creditCode });
    expect(JSON.stringify(task)).not.toContain(data.account.accountNo);
    expect(JSON.stringify(task)).not.toContain(data.merchant.legalRepId);
    expect(await getCorrectionTask(await seedActor("CLERK"), changeRequestId)).toEqual({ found: true, mine: false });
    expect(await getCorrectionTask(maker, "00000000-0000-4000-8000-000000000000")).toEqual({ found: false });
    expect(await codeOf(getCorrectionTask(await seedActor("SUPERVISOR"), changeRequestId))).toBe("FORBIDDEN");
  });

  it("duplicate preview leaves out the maker's own request, for the maker only", async () => {
    const maker = await seedActor("CLERK");
    const { data, changeRequestId } = await returnedByVerifier(maker, { cnaps: true });
    const query = { creditCode: data.merchant.creditCode, terminalIds: [data.terminals[0]!.terminalId] };
    expect((await previewDuplicates(maker, query)).errors).toMatchObject({ "merchant.creditCode": ["validation.duplicate.creditCodePending"], "terminals.0.terminalId": ["validation.duplicate.terminalBound"] });
    expect((await previewDuplicates(maker, { ...query, changeRequestId })).errors).toEqual({});
    expect(Object.keys((await previewDuplicates(await seedActor("CLERK"), { ...query, changeRequestId })).errors)).toContain("merchant.creditCode");
  });
});

describe("cancel", () => {
  it("the maker cancels a returned request: closed, kept, audited, and the merchant is free for a new request", async () => {
    const maker = await seedActor("CLERK");
    const { data, changeRequestId, version } = await returnedByVerifier(maker, { cnaps: true });
    expect(await cancelChangeRequest({ actor: maker, input: { changeRequestId, version }, requestMeta })).toEqual({ status: "CANCELLED" });
    const { request } = await stored(changeRequestId);
    expect(request).toMatchObject({ status: "CANCELLED", openMerchantId: null, version: 3 });
    expect(request.decidedAt).toBeInstanceOf(Date);
    const db = await prisma();
    expect(await db.auditEvent.findFirst({ where: { action: "change.cancelled", entityId: changeRequestId } })).toMatchObject({ actorId: maker.id, before: { status: "RETURNED" }, after: { status: "CANCELLED" } });
    // The same merchant may be entered again: nothing open holds its credit code any more.
    await expect(submitApplication({ actor: maker, input: { data: { ...data, terminals: [{ ...data.terminals[0]!, terminalId: "87654321", serialNo: "SN-NEW-0001" }] } }, requestMeta })).resolves.toMatchObject({ reference: expect.stringMatching(/^CR-/) });
  });

  it("a request still awaiting verification may be cancelled too", async () => {
    const maker = await seedActor("CLERK");
    const { changeRequestId } = await submitApplication({ actor: maker, input: { data: enterpriseApplication() }, requestMeta });
    expect(await cancelChangeRequest({ actor: maker, input: { changeRequestId, version: 1 }, requestMeta })).toEqual({ status: "CANCELLED" });
  });

  it("refuses another clerk, other roles, the wrong state, a stale version and bad input", async () => {
    const [maker, verifier, supervisor] = [await seedActor("CLERK"), await seedActor("CLERK"), await seedActor("SUPERVISOR")];
    const { changeRequestId, version } = await returnedByVerifier(maker, { cnaps: true });
    const target = { changeRequestId, version };
    expect(await codeOf(cancelChangeRequest({ actor: await seedActor("CLERK"), input: target, requestMeta }))).toBe("SEGREGATION");
    expect(await codeOf(cancelChangeRequest({ actor: supervisor, input: target, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(cancelChangeRequest({ actor: await seedActor("AUDITOR"), input: target, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(cancelChangeRequest({ actor: maker, input: { ...target, version: 1 }, requestMeta }))).toBe("CONFLICT");
    expect(await codeOf(cancelChangeRequest({ actor: maker, input: { changeRequestId }, requestMeta }))).toBe("VALIDATION");
    expect(await codeOf(cancelChangeRequest({ actor: maker, input: { ...target, changeRequestId: "00000000-0000-4000-8000-000000000000" }, requestMeta }))).toBe("NOT_FOUND");
    // Once verified it is past the maker's reach: approval is a supervisor's decision.
    const { request } = await verifiedRequest(maker, verifier);
    expect(await codeOf(cancelChangeRequest({ actor: maker, input: { changeRequestId: request.id, version: request.version }, requestMeta }))).toBe("CONFLICT");
    expect((await stored(request.id)).request.status).toBe("AWAITING_APPROVAL");
    // Cancelled is closed: a second cancel (double click) is a conflict and writes nothing.
    await cancelChangeRequest({ actor: maker, input: target, requestMeta });
    expect(await codeOf(cancelChangeRequest({ actor: maker, input: { ...target, version: version + 1 }, requestMeta }))).toBe("CONFLICT");
    expect(await (await prisma()).auditEvent.count({ where: { action: "change.cancelled", entityId: changeRequestId } })).toBe(1);
  });
});
