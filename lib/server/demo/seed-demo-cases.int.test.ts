import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { prisma } from "@/lib/server/db";
import { seedReferenceData } from "@/lib/server/reference/seed-reference-data";
import { seedDemoCases } from "./seed-demo-cases";
import { seedDemoMerchants } from "./seed-demo-merchants";
import { seedDemoUsers } from "./seed-demo-users";

beforeAll(async () => {
  const db = await prisma();
  await seedDemoUsers(db);
  await seedReferenceData(db);
  await seedDemoMerchants();
}, 60_000);

describe("seedDemoCases", () => {
  it("opens a correction case through a real spot-check discrepancy and a cardholder report, once", async () => {
    expect(await seedDemoCases()).toBe(2);
    const db = await prisma();
    const cases = await db.case.findMany({ orderBy: { createdAt: "asc" } });
    expect(cases.map((c) => [c.kind, c.status])).toEqual([["SPOT_CHECK_DISCREPANCY", "OPEN"], ["CARDHOLDER_REPORT", "OPEN"]]);
    const item = await db.spotCheckItem.findUniqueOrThrow({ where: { id: cases[0]!.spotCheckItemId! } });
    expect(item).toMatchObject({ outcome: "DISCREPANCY", merchantId: cases[0]!.merchantId });
    const supermarket = await db.terminalBinding.findFirstOrThrow({ where: { terminalId: "35A10001", boundTo: null } });
    expect(cases[1]).toMatchObject({ terminalId: "35A10001", merchantId: supermarket.merchantId, createdById: null });
    expect(await seedDemoCases()).toBe(0);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });
});
