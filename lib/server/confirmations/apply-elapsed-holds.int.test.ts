import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { prisma } from "@/lib/server/db";
import { accountInForceAt } from "@/lib/server/workflow/in-force";
import { pendingAccountChange, team } from "@/test/integration/account-change";
import { ensureReferenceRows } from "@/test/integration/applications";
import { applyElapsedHolds } from "./apply-elapsed-holds";

beforeAll(ensureReferenceRows);

const newAccount = (data: TMerchantApplicationInput) => ({ ...data, account: { ...data.account, accountNo: `${crypto.randomInt(10 ** 9, 10 ** 10 - 1)}654321` } });
const HOUR = 3600_000;

describe("hold periods that run out", () => {
  it("nothing happens before the hold ends; at its end the new account takes effect, once, with a system audit event", async () => {
    const pending = await pendingAccountChange(await team(), newAccount);
    const holdUntil = pending.request.holdUntil!;
    const db = await prisma();

    await applyElapsedHolds(new Date(holdUntil.getTime() - 1));
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: pending.request.id } })).toMatchObject({ status: "PENDING_CONFIRMATION" });

    const ranAt = new Date(holdUntil.getTime() + HOUR);
    const first = await applyElapsedHolds(ranAt);
    expect(first.applied).toBeGreaterThanOrEqual(1);
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: pending.request.id } })).toMatchObject({ status: "EFFECTIVE", openMerchantId: null, confirmedById: null });
    const accounts = await db.receivingAccount.findMany({ where: { merchantId: pending.merchantId }, orderBy: { createdAt: "asc" } });
    expect(accounts.map((a) => a.status)).toEqual(["SUPERSEDED", "IN_FORCE"]);
    expect(accounts[0]!.effectiveTo).toEqual(ranAt);
    expect(accounts[1]!.effectiveFrom).toEqual(ranAt);
    expect((await accountInForceAt(db, pending.merchantId, new Date(ranAt.getTime() - 1)))?.id).toBe(accounts[0]!.id);
    expect((await accountInForceAt(db, pending.merchantId, ranAt))?.id).toBe(accounts[1]!.id);

    const events = await db.auditEvent.findMany({ where: { action: "change.hold-elapsed", entityId: pending.request.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, userAgent: "payeeguard-system" });

    expect(await applyElapsedHolds(new Date(ranAt.getTime() + HOUR))).toMatchObject({ applied: 0, failed: 0 });
    expect(await db.auditEvent.count({ where: { action: "change.hold-elapsed", entityId: pending.request.id } })).toBe(1);
  });

  it("two instances running the job at the same moment apply each request exactly once", async () => {
    const people = await team();
    const changes = [await pendingAccountChange(people, newAccount), await pendingAccountChange(people, newAccount), await pendingAccountChange(people, newAccount)];
    const ids = changes.map((c) => c.request.id);
    const at = new Date(Math.max(...changes.map((c) => c.request.holdUntil!.getTime())) + HOUR);
    const runs = await Promise.all([applyElapsedHolds(at), applyElapsedHolds(at), applyElapsedHolds(at)]);
    expect(runs.every((r) => r.failed === 0)).toBe(true);
    expect(runs.reduce((n, r) => n + r.applied, 0)).toBe(3);
    const db = await prisma();
    expect(await db.changeRequest.count({ where: { id: { in: ids }, status: "EFFECTIVE" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "change.hold-elapsed", entityId: { in: ids } } })).toBe(3);
    for (const change of changes) {
      expect(await db.receivingAccount.count({ where: { merchantId: change.merchantId, status: "IN_FORCE" } })).toBe(1);
      expect(await db.receivingAccount.count({ where: { merchantId: change.merchantId, status: "SUPERSEDED" } })).toBe(1);
    }
  });

  it("a change confirmed or objected to before its hold ends is left alone", async () => {
    const pending = await pendingAccountChange(await team(), newAccount);
    const db = await prisma();
    // Another path (here: a direct write standing for an objection) closed it first.
    await db.changeRequest.update({ where: { id: pending.request.id }, data: { status: "REJECTED", openMerchantId: null } });
    await applyElapsedHolds(new Date(pending.request.holdUntil!.getTime() + HOUR));
    expect(await db.receivingAccount.count({ where: { merchantId: pending.merchantId, status: "PENDING_CONFIRMATION" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "change.hold-elapsed", entityId: pending.request.id } })).toBe(0);
  });
});
