import { describe, expect, it } from "vitest";
import { database, prisma } from "@/lib/server/db";
import { meta, seedUser } from "@/test/integration/actors";
import { verifyAndCheckpoint } from "./checkpoint";
import { recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain } from "./verify-chain";

async function appendEvents(n: number) {
  const db = await prisma();
  const user = await seedUser("CLERK");
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { action: "user.locale-changed", entity: "user", entityId: user.id, after: { locale: i % 2 ? "en" : "zh-CN" } }, user, meta()),
    );
  }
}

/** Tampering needs a superuser's powers: switch the append-only triggers off for one statement. */
async function asSuperuser(statement: string) {
  const { sql } = await database();
  await sql.exec(`BEGIN; SET LOCAL session_replication_role = replica; ${statement}; COMMIT;`);
}

describe("audit trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE at the database", async () => {
    await appendEvents(2);
    const { sql } = await database();
    await expect(sql.exec(`UPDATE "AuditEvent" SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sql.exec(`DELETE FROM "AuditEvent" WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sql.exec(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    const db = await prisma();
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await db.auditEvent.count()).toBeGreaterThanOrEqual(2);
  });

  it("verifies an intact chain and detects an edited row", async () => {
    await appendEvents(3);
    const db = await prisma();
    const before = await verifyAuditChain(db);
    expect(before.intact).toBe(true);
    await asSuperuser(`UPDATE "AuditEvent" SET "actorName" = 'mallory' WHERE seq = 2`);
    const after = await verifyAuditChain(db);
    expect(after).toMatchObject({ intact: false, brokenAt: 2n });
    expect(after.intact ? "" : after.reason).toMatch(/altered/);
  });
});
