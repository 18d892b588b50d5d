import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { instantToChinaWallClock } from "@/lib/domain/confirmations/hold";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { accountInForceAt } from "@/lib/server/workflow/in-force";
import { approvedAccountChange, pendingAccountChange, submitAccountChange, team } from "@/test/integration/account-change";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { recordAccountConfirmation } from "./record-account-confirmation";

const requestMeta = meta();
beforeAll(ensureReferenceRows);
afterEach(async () => void (await (await prisma()).setting.deleteMany({ where: { key: "confirmation" } })));

const newAccount = (data: TMerchantApplicationInput) => ({ ...data, account: { ...data.account, accountNo: String(crypto.randomInt(10 ** 9, 10 ** 10 - 1)) + "123456" } });
const newAccountAndPhone = (data: TMerchantApplicationInput) => ({ ...newAccount(data), merchant: { ...data.merchant, phone: `1380${crypto.randomInt(10 ** 6, 10 ** 7 - 1)}` } });

type Pending = Awaited<ReturnType<typeof pendingAccountChange>>;
const call = (pending: Pending, overrides: Record<string, unknown> = {}) => ({
  changeRequestId: pending.request.id,
  version: pending.request.version,
  contactName: pending.before.merchant.legalRepName,
  phoneUsed: pending.before.merchant.phone,
  contactedAt: instantToChinaWallClock(new Date()),
  outcome: "CONFIRMED",
  note: "",
  ...overrides,
});
const record = (actor: Actor | null, input: unknown) => recordAccountConfirmation({ actor, input, requestMeta });
const accountsOf = async (merchantId: string) => (await prisma()).receivingAccount.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" } });

describe("approving a change of receiving account", () => {
  it("leaves the new account pending and the old in force, the request open with a hold of 3 days", async () => {
    const pending = await pendingAccountChange(await team(), newAccount);
    const { request } = pending;
    expect(request).toMatchObject({ kind: "UPDATE", status: "PENDING_CONFIRMATION", openMerchantId: pending.merchantId });
    expect(request.holdUntil!.getTime() - request.decidedAt!.getTime()).toBe(3 * 24 * 3600_000);
    const [old, incoming] = await accountsOf(pending.merchantId);
    expect(old).toMatchObject({ status: "IN_FORCE", effectiveTo: null, accountLast4: pending.before.account.accountNo.slice(-4) });
    expect(incoming).toMatchObject({ status: "PENDING_CONFIRMATION", effectiveFrom: null, accountLast4: pending.after.account.accountNo.slice(-4) });
    expect((await accountInForceAt(await prisma(), pending.merchantId, new Date()))?.id).toBe(old!.id);
  });

  it("one open request per merchant holds while the change waits for confirmation", async () => {
    const people = await team();
    const pending = await pendingAccountChange(people, newAccount);
    const err = await refusal(submitAccountChange(people.maker, pending.merchantId, newAccount(pending.after)));
    expect(err.code).toBe("CONFLICT");
    expect(err.fieldErrors).toEqual({ _form: ["validation.change.alreadyOpen"] });
  });

  it("takes the hold period from the setting", async () => {
    await (await prisma()).setting.create({ data: { key: "confirmation", value: { holdDays: 0 } } });
    const { request } = await pendingAccountChange(await team(), newAccount);
    expect(request.holdUntil!.getTime()).toBe(request.decidedAt!.getTime());
  });
});

describe("recording the confirmation call", () => {
  it("CONFIRMED: the new account is in force from now, the old one superseded at the same instant, the request effective", async () => {
    const people = await team();
    const pending = await pendingAccountChange(people, newAccount);
    const confirmer = await seedActor("CLERK");
    const beforeApproval = new Date(pending.approvedAt.getTime() - 1);
    expect(await record(confirmer, call(pending))).toEqual({ status: "EFFECTIVE", caseReference: null });

    const db = await prisma();
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: pending.request.id }, include: { confirmation: true } });
    expect(request).toMatchObject({ status: "EFFECTIVE", openMerchantId: null, confirmedById: confirmer.id });
    expect(request.confirmation).toMatchObject({ outcome: "CONFIRMED", recordedById: confirmer.id, phoneUsed: pending.before.merchant.phone, contactName: pending.before.merchant.legalRepName });
    const [old, incoming] = await accountsOf(pending.merchantId);
    expect(old).toMatchObject({ status: "SUPERSEDED" });
    expect(incoming).toMatchObject({ status: "IN_FORCE", effectiveTo: null });
    const switchedAt = incoming!.effectiveFrom!;
    expect(old!.effectiveTo).toEqual(switchedAt);

    // The account in force before the change was approved, while it was pending, just before and after the switch.
    expect((await accountInForceAt(db, pending.merchantId, beforeApproval))?.id).toBe(old!.id);
    expect((await accountInForceAt(db, pending.merchantId, new Date(pending.approvedAt.getTime() + 1)))?.id).toBe(old!.id);
    expect((await accountInForceAt(db, pending.merchantId, new Date(switchedAt.getTime() - 1)))?.id).toBe(old!.id);
    expect((await accountInForceAt(db, pending.merchantId, switchedAt))?.id).toBe(incoming!.id);
    expect((await accountInForceAt(db, pending.merchantId, new Date()))?.id).toBe(incoming!.id);
    expect(await db.auditEvent.count({ where: { action: "change.confirmed", entityId: request.id, actorId: confirmer.id } })).toBe(1);
  });

  it("OBJECTED: the whole change is rolled back, the old account untouched, a case opened for auditors", async () => {
    const people = await team();
    const pending = await pendingAccountChange(people, newAccountAndPhone);
    const db = await prisma();
    expect((await db.merchant.findUniqueOrThrow({ where: { id: pending.merchantId } })).phone).toBe(pending.after.merchant.phone);
    const [oldBefore] = await accountsOf(pending.merchantId);
    const clerk = await seedActor("CLERK");
    const result = await record(clerk, call(pending, { outcome: "OBJECTED", note: "法定代表人称从未申请变更收款账户" }));
    expect(result.status).toBe("REJECTED");
    expect(result.caseReference).toMatch(/^CASE-\d{8}-[0-9A-F]{8}$/);

    const [old, withdrawn] = await accountsOf(pending.merchantId);
    expect(old).toEqual(oldBefore);
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", effectiveFrom: null });
    expect((await accountInForceAt(db, pending.merchantId, new Date()))?.id).toBe(old!.id);
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: pending.request.id } });
    expect(request).toMatchObject({ status: "REJECTED", openMerchantId: null, confirmedById: clerk.id, decisionNote: "法定代表人称从未申请变更收款账户" });
    // A new version restores what the merchant had before the change, phone included.
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: pending.merchantId } });
    expect(merchant).toMatchObject({ version: 3, phone: pending.before.merchant.phone });
    const versions = await db.merchantVersion.findMany({ where: { merchantId: pending.merchantId }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.restoresVersion)).toEqual([null, null, 1]);
    expect(versions[2]!.snapshot).toEqual(versions[0]!.snapshot);

    const opened = await db.case.findFirstOrThrow({ where: { changeRequestId: request.id } });
    expect(opened).toMatchObject({ kind: "ACCOUNT_CHANGE_OBJECTION", status: "OPEN", merchantId: pending.merchantId, createdById: clerk.id, reference: result.caseReference, summary: "法定代表人称从未申请变更收款账户" });
    expect(opened.details).toMatchObject({ withdrawnAccountLast4: pending.after.account.accountNo.slice(-4), restoredVersion: 1, terminalsNotRestored: [] });
    expect(await db.auditEvent.count({ where: { action: "change.objected", entityId: request.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "case.opened", entityId: opened.id } })).toBe(1);
    // Closed: the merchant may get a new request.
    await expect(submitAccountChange(people.maker, pending.merchantId, newAccount(pending.before))).resolves.toMatchObject({ baseVersion: 3 });
  });

  it("a later change against a restored version is rolled back to the values that version restored", async () => {
    const people = await team();
    const first = await pendingAccountChange(people, newAccountAndPhone);
    await record(await seedActor("CLERK"), call(first, { outcome: "OBJECTED", note: "商户否认变更" }));
    const again = newAccountAndPhone(first.before);
    const second = await approvedAccountChange(people, first.merchantId, again);
    expect(second.request).toMatchObject({ baseVersion: 3, status: "PENDING_CONFIRMATION" });
    const db = await prisma();
    expect((await db.merchant.findUniqueOrThrow({ where: { id: first.merchantId } })).phone).toBe(again.merchant.phone);
    await record(await seedActor("CLERK"), call({ ...first, request: second.request }, { outcome: "OBJECTED", note: "商户再次否认变更" }));
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: first.merchantId } });
    expect(merchant).toMatchObject({ version: 5, phone: first.before.merchant.phone });
    expect((await db.merchantVersion.findUniqueOrThrow({ where: { merchantId_version: { merchantId: first.merchantId, version: 5 } } })).restoresVersion).toBe(3);
    expect(await db.receivingAccount.count({ where: { merchantId: first.merchantId, status: "IN_FORCE" } })).toBe(1);
  });
});

describe("who may record it, and what is refused", () => {
  it("the maker, supervisors, auditors and anonymous callers may not; a stale version is a conflict", async () => {
    const people = await team();
    const pending = await pendingAccountChange(people, newAccount);
    expect(await codeOf(record(people.maker, call(pending)))).toBe("SEGREGATION");
    expect(await codeOf(record(people.maker, call(pending, { outcome: "OBJECTED", note: "我录错了，撤回" })))).toBe("SEGREGATION");
    expect(await codeOf(record(people.supervisor, call(pending)))).toBe("FORBIDDEN");
    expect(await codeOf(record(await seedActor("AUDITOR"), call(pending)))).toBe("FORBIDDEN");
    expect(await codeOf(record(await seedActor("ADMIN"), call(pending)))).toBe("FORBIDDEN");
    expect(await codeOf(record(null, call(pending)))).toBe("UNAUTHENTICATED");
    expect(await codeOf(record(await seedActor("CLERK"), call(pending, { version: pending.request.version - 1 })))).toBe("CONFLICT");
    expect(await codeOf(record(await seedActor("CLERK"), call(pending, { changeRequestId: crypto.randomUUID() })))).toBe("NOT_FOUND");
    // Nothing of the refused attempts was written.
    expect(await (await prisma()).accountConfirmation.count({ where: { changeRequestId: pending.request.id } })).toBe(0);
  });

  it("the number must be the contact verified before the change, not a new one the change brought", async () => {
    const pending = await pendingAccountChange(await team(), newAccountAndPhone);
    const clerk = await seedActor("CLERK");
    const wrong = await refusal(record(clerk, call(pending, { phoneUsed: pending.after.merchant.phone })));
    expect(wrong).toMatchObject({ code: "VALIDATION", fieldErrors: { phoneUsed: ["validation.confirmation.notPreviousContact"] } });
    const malformed = await refusal(record(clerk, call(pending, { phoneUsed: "12345" })));
    expect(malformed.fieldErrors.phoneUsed?.[0]).toMatch(/^field\./);
    // Spaces and +86 are normalised away before comparing.
    const spaced = `+86 ${pending.before.merchant.phone.replace(/(\d{3})(\d{4})(\d{4})/, "$1 $2 $3")}`;
    expect(await codeOf(record(clerk, call(pending, { phoneUsed: spaced })))).toBe("OK");
  });

  it("the call cannot be in the future or before the approval; an objection needs a note", async () => {
    const pending = await pendingAccountChange(await team(), newAccount);
    const clerk = await seedActor("CLERK");
    const future = await refusal(record(clerk, call(pending, { contactedAt: instantToChinaWallClock(new Date(Date.now() + 10 * 60_000)) })));
    expect(future.fieldErrors).toEqual({ contactedAt: ["validation.confirmation.contactedInFuture"] });
    const early = await refusal(record(clerk, call(pending, { contactedAt: instantToChinaWallClock(new Date(pending.request.decidedAt!.getTime() - 5 * 60_000)) })));
    expect(early.fieldErrors).toEqual({ contactedAt: ["validation.confirmation.contactedBeforeApproval"] });
    const bare = await refusal(record(clerk, call(pending, { outcome: "OBJECTED", note: "" })));
    expect(bare.fieldErrors).toEqual({ note: ["validation.confirmation.objectionNote"] });
  });

  it("an already effective change cannot be confirmed or objected to again", async () => {
    const pending = await pendingAccountChange(await team(), newAccount);
    const clerk = await seedActor("CLERK");
    expect(await codeOf(record(clerk, call(pending)))).toBe("OK");
    const request = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: pending.request.id } });
    expect(await codeOf(record(clerk, call(pending, { version: request.version })))).toBe("CONFLICT");
    expect(await codeOf(record(clerk, call(pending, { version: request.version, outcome: "OBJECTED", note: "再次反对这次变更" })))).toBe("CONFLICT");
    expect(await codeOf(record(clerk, call(pending)))).toBe("CONFLICT");
  });

  it("a change that did not touch the account never waits for confirmation", async () => {
    const people = await team();
    const pending = await pendingAccountChange(people, newAccount);
    await record(await seedActor("CLERK"), call(pending));
    const onboarding = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: pending.onboardingRequestId } });
    expect(await codeOf(record(await seedActor("CLERK"), call(pending, { changeRequestId: onboarding.id, version: onboarding.version })))).toBe("CONFLICT");
  });
});
