import { beforeAll, describe, expect, it } from "vitest";
import type { TCreateSchedule } from "@/lib/domain/spot-checks/schedule";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { approvedMerchant } from "@/test/integration/workflow";
import { createSchedule } from "./create-schedule";
import { runDueSchedules } from "./run-due-schedules";
import { setScheduleActive } from "./set-schedule-active";

const requestMeta = meta();
let manager: Actor;
let auditor: Actor;
let makerIds: string[];

beforeAll(async () => {
  await ensureReferenceRows();
  const merchants = [await approvedMerchant(), await approvedMerchant(), await approvedMerchant()];
  makerIds = merchants.map((m) => m.maker.id);
  manager = await seedActor("AUDITOR");
  auditor = await seedActor("AUDITOR");
}, 120_000);

const scheduleInput = (overrides: Partial<TCreateSchedule> = {}): TCreateSchedule => ({
  name: "Monthly check",
  dayOfMonth: 5,
  population: { makerIds },
  sizing: { method: "FIXED", sampleSize: 2 },
  strategy: "SIMPLE",
  auditorIds: [auditor.id],
  ...overrides,
});

async function campaignsOf(scheduleId: string) {
  return (await prisma()).spotCheckCampaign.findMany({ where: { scheduleId }, include: { items: true }, orderBy: { schedulePeriod: "asc" } });
}

describe("monthly spot-check schedules", () => {
  it("draws one campaign per month from the schedule's day on, over the calendar month, audited as the system", async () => {
    const { scheduleId } = await createSchedule({ actor: manager, input: scheduleInput(), requestMeta });
    await runDueSchedules(new Date("2026-11-04T12:00:00+08:00"));
    expect(await campaignsOf(scheduleId)).toHaveLength(0);

    await runDueSchedules(new Date("2026-11-05T00:01:00+08:00"));
    await runDueSchedules(new Date("2026-11-20T09:00:00+08:00"));
    const [november] = await campaignsOf(scheduleId);
    expect(await campaignsOf(scheduleId)).toHaveLength(1);
    expect(november).toMatchObject({ name: "Monthly check 2026-11", schedulePeriod: "2026-11", sampleSize: 2, populationSize: 3, createdById: manager.id });
    expect(november!.periodStart).toEqual(new Date("2026-11-01T00:00:00+08:00"));
    expect(november!.periodEnd).toEqual(new Date("2026-11-30T00:00:00+08:00"));
    expect(november!.items.every((i) => i.assigneeId === auditor.id)).toBe(true);
    const event = await (await prisma()).auditEvent.findFirstOrThrow({ where: { action: "spotcheck.campaign-created", entityId: november!.id } });
    expect(event.actorId).toBeNull();
    expect(event.after).toMatchObject({ scheduleId, period: "2026-11" });

    await runDueSchedules(new Date("2026-12-05T08:00:00+08:00"));
    expect((await campaignsOf(scheduleId)).map((c) => c.schedulePeriod)).toEqual(["2026-11", "2026-12"]);
  });

  it("several instances running the job at once draw the month's campaign exactly once, audit included", async () => {
    const { scheduleId } = await createSchedule({ actor: manager, input: scheduleInput({ dayOfMonth: 1 }), requestMeta });
    const at = new Date("2027-01-01T08:00:00+08:00");
    const runs = await Promise.all([runDueSchedules(at), runDueSchedules(at), runDueSchedules(at)]);
    const campaigns = await campaignsOf(scheduleId);
    expect(campaigns).toHaveLength(1);
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.failed, 0)).toBe(0);
    const events = await (await prisma()).auditEvent.count({ where: { action: "spotcheck.campaign-created", after: { path: ["scheduleId"], equals: scheduleId } } });
    expect(events).toBe(1);
  });

  it("the database itself refuses a second campaign for the same schedule and month (the guarantee the job relies on)", async () => {
    const { scheduleId } = await createSchedule({ actor: manager, input: scheduleInput({ dayOfMonth: 1 }), requestMeta });
    await runDueSchedules(new Date("2027-02-01T08:00:00+08:00"));
    const [drawn] = await campaignsOf(scheduleId);
    const db = await prisma();
    const { id: _id, reference: _ref, items: _items, ...copy } = drawn!;
    await expect(db.spotCheckCampaign.create({ data: { ...copy, id: "dup", reference: "SC-DUP", population: {}, sizing: {} } })).rejects.toThrow();
  });

  it("a paused schedule draws nothing; resuming draws the month owed; stale versions and repeats are refused", async () => {
    const created = await createSchedule({ actor: manager, input: scheduleInput({ dayOfMonth: 10 }), requestMeta });
    const paused = await setScheduleActive({ actor: manager, input: { scheduleId: created.scheduleId, version: created.version, active: false }, requestMeta });
    await runDueSchedules(new Date("2027-03-15T08:00:00+08:00"));
    expect(await campaignsOf(created.scheduleId)).toHaveLength(0);
    expect(await codeOf(setScheduleActive({ actor: manager, input: { scheduleId: created.scheduleId, version: paused.version, active: false }, requestMeta }))).toBe("CONFLICT");
    expect(await codeOf(setScheduleActive({ actor: manager, input: { scheduleId: created.scheduleId, version: created.version, active: true }, requestMeta }))).toBe("CONFLICT");
    await setScheduleActive({ actor: manager, input: { scheduleId: created.scheduleId, version: paused.version, active: true }, requestMeta });
    await runDueSchedules(new Date("2027-03-15T08:00:00+08:00"));
    expect((await campaignsOf(created.scheduleId)).map((c) => c.schedulePeriod)).toEqual(["2027-03"]);
    expect(await (await prisma()).auditEvent.count({ where: { entityId: created.scheduleId, action: { in: ["spotcheck.schedule-paused", "spotcheck.schedule-resumed"] } } })).toBe(2);
  });

  it("skips a month when none of its auditors is active any more or nothing matches, and carries on with the others", async () => {
    const gone = await seedActor("AUDITOR");
    const orphan = await createSchedule({ actor: manager, input: scheduleInput({ dayOfMonth: 2, auditorIds: [gone.id] }), requestMeta });
    const empty = await createSchedule({ actor: manager, input: scheduleInput({ dayOfMonth: 2, population: { makerIds: ["nobody"] } }), requestMeta });
    const fine = await createSchedule({ actor: manager, input: scheduleInput({ dayOfMonth: 2 }), requestMeta });
    await (await prisma()).user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    await runDueSchedules(new Date("2027-04-02T08:00:00+08:00"));
    expect(await campaignsOf(orphan.scheduleId)).toHaveLength(0);
    expect(await campaignsOf(empty.scheduleId)).toHaveLength(0);
    expect(await campaignsOf(fine.scheduleId)).toHaveLength(1);
  });

  it("only spot-check managers schedule; bad input and ineligible auditors are refused field by field", async () => {
    expect(await codeOf(createSchedule({ actor: await seedActor("SUPERVISOR"), input: scheduleInput(), requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(createSchedule({ actor: null, input: scheduleInput(), requestMeta }))).toBe("UNAUTHENTICATED");
    const bad = await refusal(createSchedule({ actor: manager, input: scheduleInput({ dayOfMonth: 31, name: "" }), requestMeta }));
    expect(bad.code).toBe("VALIDATION");
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["dayOfMonth", "name"]);
    const clerk = await seedActor("CLERK");
    expect((await refusal(createSchedule({ actor: manager, input: scheduleInput({ auditorIds: [clerk.id] }), requestMeta }))).fieldErrors).toEqual({ auditorIds: ["validation.spotCheck.auditorNotEligible"] });
    expect(await codeOf(setScheduleActive({ actor: await seedActor("CLERK"), input: { scheduleId: "x", version: 1, active: false }, requestMeta }))).toBe("FORBIDDEN");
    expect(await codeOf(setScheduleActive({ actor: manager, input: { scheduleId: "missing", version: 1, active: false }, requestMeta }))).toBe("NOT_FOUND");
  });
});
