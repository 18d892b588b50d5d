import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalAuditRow } from "@/lib/domain/audit/canonical";
import { installDatabaseForTests, database, prisma, type Database } from "@/lib/server/db";
import { freshDatabase } from "@/test/integration/fresh-database";
import { meta, seedUser } from "@/test/integration/actors";
import { lastCheckpoint, verifyAndCheckpoint } from "./checkpoint";
import { hashAuditRow, recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain } from "./verify-chain";

let checkpointFile: string;
let current: Database | undefined;

afterEach(async () => {
  await current?.close();
});

beforeEach(async () => {
  current = await freshDatabase();
  installDatabaseForTests(current);
  checkpointFile = `${process.env.AUDIT_CHECKPOINT_DIR}/${crypto.randomUUID()}.jsonl`;
  const db = await prisma();
  const user = await seedUser("CLERK");
  for (let i = 0; i < 5; i++) {
    await db.$transaction((tx) => recordAuditEvent(tx, { action: "user.locale-changed", entity: "user", entityId: user.id, after: { locale: "en" } }, user, meta()));
  }
});

async function asSuperuser(statement: string) {
  const { sql } = await database();
  await sql.exec(`BEGIN; SET LOCAL session_replication_role = replica; ${statement}; COMMIT;`);
}

describe("audit:verify against tampering by a database superuser", () => {
  it("detects an edited row whose hash was recomputed (the next link breaks)", async () => {
    const db = await prisma();
    const row = await db.auditEvent.findUniqueOrThrow({ where: { seq: 3n } });
    const forged = { ...row, actorName: "mallory" };
    const hash = hashAuditRow(row.prevHash, canonicalAuditRow(forged));
    await asSuperuser(`UPDATE "AuditEvent" SET "actorName" = 'mallory', hash = '${hash}' WHERE seq = 3`);
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ intact: false, brokenAt: 4n });
  });

  it("detects a deleted row in the middle", async () => {
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE seq = 2`);
    const verdict = await verifyAuditChain(await prisma());
    expect(verdict).toMatchObject({ intact: false, brokenAt: 2n });
  });

  it("detects deletion of the newest rows through the head row", async () => {
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE seq >= 4`);
    const verdict = await verifyAuditChain(await prisma());
    expect(verdict).toMatchObject({ intact: false, brokenAt: 4n });
  });

  it("detects deletion of the newest rows with the head rewound, through the checkpoint outside the database", async () => {
    const db = await prisma();
    const first = await verifyAndCheckpoint(db, checkpointFile);
    expect(first.ok).toBe(true);
    expect(lastCheckpoint(checkpointFile)?.seq).toBe("5");
    const three = await db.auditEvent.findUniqueOrThrow({ where: { seq: 3n } });
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE seq > 3; UPDATE "AuditChainHead" SET seq = 3, hash = '${three.hash}'`);
    expect((await verifyAuditChain(db)).intact).toBe(true);
    const second = await verifyAndCheckpoint(db, checkpointFile);
    expect(second).toMatchObject({ ok: false, brokenAt: 4n });
    expect(second.ok ? "" : second.reason).toMatch(/newest events were deleted/);
  });

  it("an untouched chain verifies and each run appends a checkpoint", async () => {
    const db = await prisma();
    expect((await verifyAndCheckpoint(db, checkpointFile)).ok).toBe(true);
    expect((await verifyAndCheckpoint(db, checkpointFile)).ok).toBe(true);
  });
});
