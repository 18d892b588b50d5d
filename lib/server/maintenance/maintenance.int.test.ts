import { afterEach, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { database, prisma } from "@/lib/server/db";
import { updateSettings } from "@/lib/server/settings/update-settings";
import { meta, seedActor } from "@/test/integration/actors";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { cancelMaintenanceWindow } from "./cancel-maintenance-window";
import { readOnlyNow } from "./read-only-now";
import { scheduleMaintenanceWindow } from "./schedule-maintenance-window";
import { setReadOnly } from "./set-read-only";
import { settingsForm } from "@/test/integration/settings-form";

const inMinutes = (m: number, from = Date.now()) => new Date(from + m * 60_000).toISOString();
const window = (startMin: number, endMin: number) => ({ startsAt: inMinutes(startMin), endsAt: inMinutes(endMin), messageZh: "数据库升级", messageEn: "Database upgrade" });
const switchVersion = async () => (await (await prisma()).maintenanceSwitch.findUniqueOrThrow({ where: { id: 1 } })).version;

afterEach(async () => {
  const db = await prisma();
  await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: false } });
  await db.maintenanceWindow.deleteMany();
  await db.setting.deleteMany();
});

describe("maintenance windows", () => {
  it("an admin schedules a window: audited, announced from the lead time before it, read-only during it", async () => {
    const admin = await seedActor("ADMIN");
    const db = await prisma();
    const { id } = await scheduleMaintenanceWindow({ actor: admin, input: window(120, 180), requestMeta: meta() });
    expect(await db.auditEvent.findFirst({ where: { action: "maintenance.window-scheduled", entityId: id } })).toMatchObject({ actorId: admin.id });
    const now = new Date();
    expect(await readOnlyNow(db, now)).toMatchObject({ readOnly: false, announced: { id } });
    expect(await readOnlyNow(db, new Date(now.getTime() + 130 * 60_000))).toMatchObject({ readOnly: true, reason: "window", window: { id } });
    expect((await readOnlyNow(db, new Date(now.getTime() + 190 * 60_000))).readOnly).toBe(false);
    // Lead time 1 h: a window 2 h away is not announced yet.
    await db.setting.create({ data: { key: "maintenance", value: { leadHours: 1 } } });
    expect((await readOnlyNow(db, now)).announced).toBeNull();
  });

  it("refuses the wrong role, bad input, a start in the past, an end before the start, overlaps and a stale version", async () => {
    const admin = await seedActor("ADMIN");
    for (const role of ["CLERK", "SUPERVISOR", "AUDITOR"] as const) {
      expect(await codeOf(scheduleMaintenanceWindow({ actor: await seedActor(role), input: window(10, 20), requestMeta: meta() }))).toBe("FORBIDDEN");
      expect(await codeOf(setReadOnly({ actor: await seedActor(role), input: { readOnly: true, version: 1 }, requestMeta: meta() }))).toBe("FORBIDDEN");
    }
    expect(await codeOf(scheduleMaintenanceWindow({ actor: null, input: window(10, 20), requestMeta: meta() }))).toBe("UNAUTHENTICATED");
    const bad = await refusal(scheduleMaintenanceWindow({ actor: admin, input: { startsAt: "soon", endsAt: "", messageZh: " ", messageEn: "x".repeat(501) }, requestMeta: meta() }));
    expect(bad.fieldErrors).toMatchObject({
      startsAt: ["validation.maintenance.startsAt"],
      endsAt: ["validation.maintenance.endsAt"],
      messageZh: ["validation.maintenance.messageZh"],
      messageEn: ["validation.maintenance.messageTooLong"],
    });
    expect((await refusal(scheduleMaintenanceWindow({ actor: admin, input: window(30, 20), requestMeta: meta() }))).fieldErrors).toEqual({ endsAt: ["validation.maintenance.endBeforeStart"] });
    expect((await refusal(scheduleMaintenanceWindow({ actor: admin, input: window(-5, 20), requestMeta: meta() }))).fieldErrors).toEqual({ startsAt: ["validation.maintenance.startsInPast"] });
    expect((await refusal(scheduleMaintenanceWindow({ actor: admin, input: window(10, 10 + 73 * 60), requestMeta: meta() }))).fieldErrors).toEqual({ endsAt: ["validation.maintenance.tooLong"] });
    const { id, version } = await scheduleMaintenanceWindow({ actor: admin, input: window(10, 20), requestMeta: meta() });
    expect((await refusal(scheduleMaintenanceWindow({ actor: admin, input: window(15, 40), requestMeta: meta() }))).fieldErrors).toEqual({ startsAt: ["validation.maintenance.overlaps"] });
    expect(await codeOf(cancelMaintenanceWindow({ actor: await seedActor("CLERK"), input: { id, version }, requestMeta: meta() }))).toBe("FORBIDDEN");
    expect(await codeOf(cancelMaintenanceWindow({ actor: admin, input: { id, version: version + 1 }, requestMeta: meta() }))).toBe("CONFLICT");
    expect(await codeOf(cancelMaintenanceWindow({ actor: admin, input: { id: "nope", version }, requestMeta: meta() }))).toBe("NOT_FOUND");
    expect(await codeOf(cancelMaintenanceWindow({ actor: admin, input: { id, version }, requestMeta: meta() }))).toBe("OK");
    expect(await codeOf(cancelMaintenanceWindow({ actor: admin, input: { id, version }, requestMeta: meta() }))).toBe("CONFLICT");
    expect(await (await prisma()).auditEvent.count({ where: { action: "maintenance.window-cancelled", entityId: id } })).toBe(1);
    // A cancelled window frees its slot.
    expect(await codeOf(scheduleMaintenanceWindow({ actor: admin, input: window(15, 40), requestMeta: meta() }))).toBe("OK");
    const v = await switchVersion();
    expect(await codeOf(setReadOnly({ actor: admin, input: { readOnly: true, version: v + 5 }, requestMeta: meta() }))).toBe("CONFLICT");
    expect(await codeOf(setReadOnly({ actor: admin, input: { readOnly: "yes", version: v }, requestMeta: meta() }))).toBe("VALIDATION");
  });

  it("a use case called directly (no adapter in front) is still refused inside its transaction and leaves nothing behind", async () => {
    const admin = await seedActor("ADMIN");
    const db = await prisma();
    await setReadOnly({ actor: admin, input: { readOnly: true, version: await switchVersion() }, requestMeta: meta() });
    const seqBefore = (await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).seq;
    expect(await codeOf(updateSettings({ actor: admin, input: settingsForm({ holdDays: "7", maintenanceLeadHours: "24" }), requestMeta: meta() }))).toBe("MAINTENANCE");
    expect(await db.setting.count()).toBe(0);
    expect((await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).seq).toBe(seqBefore);
  });
});

// Real lock interleavings need PostgreSQL's separate connections (run with DATABASE_URL); PGlite has
// one session, and a statement outside a transaction would run inside the open one.
describe("no change request is half-applied across the switch", () => {
  it("a mutation that passed the check before the switch commits whole before the switch flips", async () => {
    if ((await database()).engine !== "postgres") return;
    const admin = await seedActor("ADMIN");
    const db = await prisma();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let checked!: () => void;
    const passedCheck = new Promise<void>((r) => (checked = r));
    // A mutation shaped like every use case: write, audit (where the in-transaction check lives), more work, commit.
    const mutation = db.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: "acquirerCode", value: "777" } });
      await recordAuditEvent(tx, { action: "setting.changed", entity: "setting", entityId: "acquirerCode", before: "898", after: "777" }, admin, meta());
      checked();
      await gate;
      await tx.setting.create({ data: { key: "confirmation", value: { holdDays: 9 } } });
      order.push("mutation committed");
    }, { timeout: 20_000 });
    await passedCheck;
    const toggle = setReadOnly({ actor: admin, input: { readOnly: true, version: await switchVersion() }, requestMeta: meta() }).then(() => order.push("switch on"));
    await new Promise((r) => setTimeout(r, 200));
    expect(order).toEqual([]); // the toggle waits for the mutation holding the switch row
    release();
    await Promise.all([mutation, toggle]);
    expect(order).toEqual(["mutation committed", "switch on"]);
    expect((await db.setting.findMany()).map((s) => s.key).sort()).toEqual(["acquirerCode", "confirmation"]);
  }, 30_000);

  it("a mutation that meets the switch being flipped waits for it, then is refused and rolled back whole", async () => {
    if ((await database()).engine !== "postgres") return;
    const admin = await seedActor("ADMIN");
    const db = await prisma();
    const seqBefore = (await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).seq;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const switchLocked = new Promise<void>((r) => (locked = r));
    // The toggle's shape: switch row FOR UPDATE, flip it, hold until released.
    const toggle = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "MaintenanceSwitch" WHERE id = 1 FOR UPDATE`;
      await tx.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: true, version: { increment: 1 } } });
      locked();
      await gate;
    }, { timeout: 20_000 });
    await switchLocked;
    const mutation = codeOf(updateSettings({ actor: admin, input: settingsForm({ holdDays: "9", maintenanceLeadHours: "24" }), requestMeta: meta() }));
    await new Promise((r) => setTimeout(r, 200));
    release();
    await toggle;
    // The early check ran before the flip was committed; the in-transaction check saw it.
    expect(await mutation).toBe("MAINTENANCE");
    expect(await db.setting.findMany()).toEqual([]);
    expect((await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).seq).toBe(seqBefore);
  }, 30_000);
});
