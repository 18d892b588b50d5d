import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { instantToChinaWallClock } from "@/lib/domain/confirmations/hold";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { listCases } from "@/lib/server/cases/list-cases";
import { prisma } from "@/lib/server/db";
import { PAGE_SIZE } from "@/lib/server/pagination";
import { workCounts } from "@/lib/server/workflow/queues";
import { pendingAccountChange, team } from "@/test/integration/account-change";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { codeOf } from "@/test/integration/outcomes";
import { listConfirmationQueue } from "./confirmation-queue";
import { getConfirmationTask } from "./confirmation-task";
import { recordAccountConfirmation } from "./record-account-confirmation";

beforeAll(ensureReferenceRows);
const newAccountAndPhone = (data: TMerchantApplicationInput) => ({
  ...data,
  merchant: { ...data.merchant, phone: `1381${crypto.randomInt(10 ** 6, 10 ** 7 - 1)}` },
  account: { ...data.account, accountNo: `${crypto.randomInt(10 ** 9, 10 ** 10 - 1)}777777` },
});

describe("the clerk's confirmation queue and task", () => {
  it("lists every pending change soonest hold first, page by page, marking the clerk's own", async () => {
    const people = await team();
    const created: Awaited<ReturnType<typeof pendingAccountChange>>[] = [];
    for (let i = 0; i <= PAGE_SIZE; i++) created.push(await pendingAccountChange(people, newAccountAndPhone));
    const other = await seedActor("CLERK");
    const first = await listConfirmationQueue(other, {});
    expect(first.total).toBeGreaterThanOrEqual(PAGE_SIZE + 1);
    expect(first.requests).toHaveLength(PAGE_SIZE);
    const second = await listConfirmationQueue(other, { after: first.nextCursor });
    const seen = [...first.requests, ...second.requests];
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    for (const c of created) expect(seen.map((r) => r.id)).toContain(c.request.id);
    const holds = seen.map((r) => r.holdUntil.getTime());
    expect(holds).toEqual([...holds].sort((a, b) => a - b));
    const row = seen.find((r) => r.id === created[0]!.request.id)!;
    expect(row).toMatchObject({ isOwn: false, oldAccountLast4: created[0]!.before.account.accountNo.slice(-4), accountLast4: created[0]!.after.account.accountNo.slice(-4) });
    const mine = (await listConfirmationQueue(people.maker, {})).requests;
    for (const r of mine) expect(r.isOwn, r.reference).toBe(created.some((c) => c.request.id === r.id));
    expect((await workCounts(other)).toConfirm).toBe(first.total);
    expect((await workCounts(people.maker)).toConfirm).toBe(first.total - created.length);
    expect(await codeOf(listConfirmationQueue(people.supervisor, {}))).toBe("FORBIDDEN");
  });

  it("the task shows the contact verified before the change, warns of the new phone, and never a full account number", async () => {
    const people = await team();
    const pending = await pendingAccountChange(people, newAccountAndPhone);
    const clerk = await seedActor("CLERK");
    const task = await getConfirmationTask(clerk, pending.request.id);
    expect(task).toMatchObject({
      status: "PENDING_CONFIRMATION",
      isOwn: false,
      contact: { phone: pending.before.merchant.phone, legalRepName: pending.before.merchant.legalRepName },
      newPhone: pending.after.merchant.phone,
      incoming: { status: "PENDING_CONFIRMATION", accountLast4: pending.after.account.accountNo.slice(-4) },
      outgoing: { status: "IN_FORCE", accountLast4: pending.before.account.accountNo.slice(-4) },
      confirmation: null,
    });
    const text = JSON.stringify(task);
    expect(text).not.toContain(pending.after.account.accountNo);
    expect(text).not.toContain(pending.before.account.accountNo);
    expect((await getConfirmationTask(people.maker, pending.request.id))?.isOwn).toBe(true);
    expect(await getConfirmationTask(clerk, pending.onboardingRequestId)).toBeNull();
    expect(await codeOf(getConfirmationTask(await seedActor("AUDITOR"), pending.request.id))).toBe("FORBIDDEN");

    await recordAccountConfirmation({ actor: clerk, input: { changeRequestId: pending.request.id, version: pending.request.version, contactName: "林测试", phoneUsed: pending.before.merchant.phone, contactedAt: instantToChinaWallClock(new Date()), outcome: "CONFIRMED", note: "" }, requestMeta: meta() });
    const after = await getConfirmationTask(clerk, pending.request.id);
    expect(after).toMatchObject({ status: "EFFECTIVE", incoming: { status: "IN_FORCE" }, outgoing: { status: "SUPERSEDED" }, confirmation: { outcome: "CONFIRMED", recordedBy: "Test CLERK" } });
  });
});

describe("cases for auditors", () => {
  it("an objection's case is listed newest first for auditors only, and counted as open work", async () => {
    const people = await team();
    const pending = await pendingAccountChange(people, newAccountAndPhone);
    const clerk = await seedActor("CLERK");
    const { caseReference } = await recordAccountConfirmation({ actor: clerk, input: { changeRequestId: pending.request.id, version: pending.request.version, contactName: "林测试", phoneUsed: pending.before.merchant.phone, contactedAt: instantToChinaWallClock(new Date()), outcome: "OBJECTED", note: "商户称未申请变更" }, requestMeta: meta() });
    const auditor = await seedActor("AUDITOR");
    const { cases, total } = await listCases(auditor, { status: "OPEN" });
    expect(cases[0]).toMatchObject({ reference: caseReference, kind: "ACCOUNT_CHANGE_OBJECTION", changeRequestReference: pending.request.reference, createdBy: "Test CLERK", merchant: { legalName: pending.before.merchant.legalName } });
    expect((await workCounts(auditor)).openCases).toBe(total);
    expect((await listCases(auditor, { status: "CLOSED" })).cases.map((c) => c.reference)).not.toContain(caseReference);
    for (const role of ["CLERK", "SUPERVISOR", "ADMIN"] as const) expect(await codeOf(listCases(await seedActor(role), {}))).toBe("FORBIDDEN");
    expect(await (await prisma()).case.count()).toBe(total);
  });
});
