import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { database, prisma } from "@/lib/server/db";
import { signIn } from "@/lib/server/auth/sign-in";
import { meta, seedActor, seedUser } from "@/test/integration/actors";
import { codeOf } from "@/test/integration/outcomes";
import { exportAuditEvents } from "./export-audit-events";
import { getAuditEvent } from "./get-audit-event";
import { listAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";
import { verifyAuditTrail } from "./verify-audit-trail";

const requestMeta = meta();

async function localeChanges(n: number) {
  const user = await seedUser("CLERK");
  const db = await prisma();
  for (let i = 0; i < n; i++) await db.$transaction((tx) => recordAuditEvent(tx, { action: "user.locale-changed", entity: "user", entityId: user.id, after: { locale: i % 2 ? "en" : "zh-CN" } }, user, requestMeta));
  return user;
}

describe("audit trail screens", () => {
  it("lists newest first, filters by actor, action group, entity and preset, and pages by sequence number", async () => {
    const auditor = await seedActor("AUDITOR");
    const user = await localeChanges(25);
    await signIn({ username: user.username, password: "wrong-password-1" }, meta("10.7.0.1")).catch(() => {});
    const mine = await listAuditEvents(auditor, { actor: user.username, action: "user.locale-changed" });
    expect(mine.total).toBe(25);
    expect(mine.events).toHaveLength(20);
    expect(Number(mine.events[0]!.seq)).toBeGreaterThan(Number(mine.events[1]!.seq));
    const second = await listAuditEvents(auditor, { actor: user.username, action: "user.locale-changed", before: mine.nextBefore });
    expect(second.events).toHaveLength(5);
    expect(second.nextBefore).toBeUndefined();
    expect((await listAuditEvents(auditor, { entity: "user", entityId: user.id })).total).toBe(26);
    const byTriedName = await listAuditEvents(auditor, { actor: user.username, preset: "failedSignIns" });
    expect(byTriedName.events).toHaveLength(1);
    expect(byTriedName.events[0]!.summary).toBe(`reason: bad-password · username: ${user.username}`);
    const failed = await listAuditEvents(auditor, { preset: "failedSignIns" });
    expect(failed.events.map((e) => e.action)).toContain("auth.sign-in-failed");
    expect(failed.events.every((e) => e.action.startsWith("auth."))).toBe(true);
    expect((await listAuditEvents(auditor, { action: "auth." })).events.every((e) => e.action.startsWith("auth."))).toBe(true);
    // Nonsense filters are ignored, not errors: the page still answers.
    expect((await listAuditEvents(auditor, { action: "drop table", from: "yesterday", before: "x" })).total).toBeGreaterThan(25);
  });

  it("an event's detail shows before and after as a field diff", async () => {
    const auditor = await seedActor("AUDITOR");
    const target = await seedUser("CLERK");
    const db = await prisma();
    await db.$transaction((tx) => recordAuditEvent(tx, { action: "user.role-changed", entity: "user", entityId: target.id, before: { role: "CLERK" }, after: { role: "AUDITOR" } }, auditor, requestMeta));
    const [latest] = (await listAuditEvents(auditor, { action: "user.role-changed", entityId: target.id })).events;
    const detail = await getAuditEvent(auditor, latest!.seq);
    expect(detail?.changes).toEqual([{ path: "role", before: "CLERK", after: "AUDITOR" }]);
    expect(await getAuditEvent(auditor, "999999999")).toBeNull();
    expect(await getAuditEvent(auditor, "1; drop")).toBeNull();
  });

  it("only auditors read the trail; the export is audited and neutralises formulas", async () => {
    for (const role of ["CLERK", "SUPERVISOR", "ADMIN"] as const) {
      expect(await codeOf(listAuditEvents(await seedActor(role), {}))).toBe("FORBIDDEN");
      expect(await codeOf(exportAuditEvents({ actor: await seedActor(role), input: {}, requestMeta }))).toBe("FORBIDDEN");
    }
    const auditor = await seedActor("AUDITOR");
    await signIn({ username: "=HYPERLINK(\"http://evil\")", password: "whatever-123" }, meta("10.7.0.2")).catch(() => {});
    const { csv, rows } = await exportAuditEvents({ actor: auditor, input: { preset: "failedSignIns" }, requestMeta });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1)).data;
    expect(parsed[0]).toEqual(["seq", "at", "actor", "action", "entity", "entityId", "ip", "before", "after", "hash"]);
    expect(rows).toBeGreaterThan(0);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const db = await prisma();
    expect(await db.auditEvent.findFirst({ where: { action: "audit.exported", actorId: auditor.id } })).toMatchObject({ after: { rows, filters: { preset: "failedSignIns" } } });
  });

  it("verification on demand: intact writes a checkpoint and says so; a tampered chain is reported, and both are audited", async () => {
    const auditor = await seedActor("AUDITOR");
    const admin = await seedActor("ADMIN");
    expect(await codeOf(verifyAuditTrail({ actor: await seedActor("CLERK"), requestMeta }))).toBe("FORBIDDEN");
    await localeChanges(3);
    const ok = await verifyAuditTrail({ actor: admin, requestMeta });
    expect(ok).toMatchObject({ ok: true });
    const { sql } = await database();
    await sql.exec(`BEGIN; SET LOCAL session_replication_role = replica; UPDATE "AuditEvent" SET "actorName" = 'mallory' WHERE seq = 2; COMMIT;`);
    const broken = await verifyAuditTrail({ actor: auditor, requestMeta });
    expect(broken).toMatchObject({ ok: false, brokenAt: "2" });
    const db = await prisma();
    expect(await db.auditEvent.count({ where: { action: "audit.verify-failed", actorId: auditor.id } })).toBe(1);
  });
});
