import { describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalAuditRow } from "@/lib/domain/audit/canonical";
import { database, prisma } from "@/lib/server/db";
import { meta, seedUser } from "@/test/integration/actors";
import { hashAuditRow, recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain } from "./verify-chain";

/** What a first attempt would write: read the head without locking it. */
async function naiveRecord(tx: Prisma.TransactionClient, actor: { id: string; username: string }) {
  const head = await tx.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
  await new Promise((r) => setTimeout(r, 5));
  const row = { seq: head.seq + 1n, at: new Date(), actorId: actor.id, actorName: actor.username, action: "user.locale-changed", entity: "user", entityId: actor.id, ip: null, userAgent: null, before: null, after: null };
  const hash = hashAuditRow(head.hash, canonicalAuditRow(row));
  const { before: _b, after: _a, ...columns } = row;
  await tx.auditEvent.create({ data: { ...columns, prevHash: head.hash, hash } });
  await tx.auditChainHead.update({ where: { id: 1 }, data: { seq: row.seq, hash } });
}

describe("audit chain under concurrency", () => {
  it("50 concurrent audited writes leave one unforked, gap-free chain", async () => {
    const db = await prisma();
    const user = await seedUser("CLERK");
    const start = (await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).seq;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        db.$transaction((tx) => recordAuditEvent(tx, { action: "user.locale-changed", entity: "user", entityId: user.id, after: { locale: "en" } }, user, meta()), { timeout: 30_000, maxWait: 30_000 }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const events = await db.auditEvent.findMany({ where: { seq: { gt: start } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => start + BigInt(i) + 1n));
    expect(new Set(events.map((e) => e.prevHash)).size).toBe(50);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  it("the naive unlocked variant forks or collides on a server database (proves the test can fail)", async () => {
    const { engine } = await database();
    if (engine !== "postgres") return; // PGlite runs one transaction at a time: no race to lose.
    const db = await prisma();
    const user = await seedUser("CLERK");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => db.$transaction((tx) => naiveRecord(tx, user), { timeout: 30_000, maxWait: 30_000 })),
    );
    const failed = results.filter((r) => r.status === "rejected").length;
    const verdict = await verifyAuditChain(db);
    expect(failed > 0 || !verdict.intact).toBe(true);
  });
});
