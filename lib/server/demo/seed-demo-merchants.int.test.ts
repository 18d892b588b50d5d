import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { prisma } from "@/lib/server/db";
import { seedReferenceData } from "@/lib/server/reference/seed-reference-data";
import { seedDemoMerchants } from "./seed-demo-merchants";
import { seedDemoUsers } from "./seed-demo-users";

beforeAll(async () => {
  const db = await prisma();
  await seedDemoUsers(db);
  await seedReferenceData(db);
});

describe("seedDemoMerchants", () => {
  it("approves the demo merchants through the workflow and leaves work in the queues", async () => {
    expect(await seedDemoMerchants()).toBe(6);
    const db = await prisma();
    const merchants = await db.merchant.findMany({ where: { version: { gte: 1 } }, include: { accounts: true, terminals: true } });
    expect(merchants).toHaveLength(6);
    expect(new Set(merchants.map((m) => m.type))).toEqual(new Set(["ENTERPRISE", "INDIVIDUAL_BUSINESS", "MICRO"]));
    for (const m of merchants) {
      expect(m).toMatchObject({ status: "ACTIVE", version: 1 });
      expect(m.merchantNo).toMatch(/^\d{15}$/);
      expect(m.accounts.map((a) => a.status)).toEqual(["IN_FORCE"]);
      expect(m.terminals.length).toBeGreaterThan(0);
    }
    expect(await db.merchantVersion.count()).toBe(6);

    // Made by the demo users, keeping the segregation of duties.
    const users = Object.fromEntries((await db.user.findMany()).map((u) => [u.username, u.id]));
    const effective = await db.changeRequest.findMany({ where: { status: "EFFECTIVE" } });
    expect(effective).toHaveLength(6);
    for (const r of effective) expect(r).toMatchObject({ makerId: users.clerk, verifierId: users.clerk2, approverId: users.supervisor, openMerchantId: null });

    const open = await db.changeRequest.groupBy({ by: ["status"], where: { status: { not: "EFFECTIVE" } }, _count: true });
    expect(Object.fromEntries(open.map((g) => [g.status, g._count]))).toEqual({ AWAITING_VERIFICATION: 2, AWAITING_APPROVAL: 1 });

    // Master data came only from the use cases, each step audited.
    const actions = await db.auditEvent.groupBy({ by: ["action"], where: { action: { startsWith: "change." } }, _count: true });
    expect(Object.fromEntries(actions.map((g) => [g.action, g._count]))).toEqual({ "change.submitted": 9, "change.verified": 7, "change.approved": 6 });
  });

  it("does nothing the second time", async () => {
    const db = await prisma();
    const before = { merchants: await db.merchant.count(), requests: await db.changeRequest.count(), events: await db.auditEvent.count() };
    expect(await seedDemoMerchants()).toBe(0);
    expect({ merchants: await db.merchant.count(), requests: await db.changeRequest.count(), events: await db.auditEvent.count() }).toEqual(before);
  });

  it("keeps the audit chain intact", async () => {
    expect(await verifyAuditChain(await prisma())).toMatchObject({ intact: true });
  });
});
