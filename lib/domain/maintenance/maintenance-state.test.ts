import { describe, expect, it } from "vitest";
import { allowedWhileReadOnly, maintenanceState } from "./maintenance-state";
import { ZScheduleMaintenanceWindowSchema } from "./maintenance-schemas";

const now = new Date("2026-11-25T06:00:00Z");
const at = (min: number) => new Date(now.getTime() + min * 60_000);
const w = (id: string, start: number, end: number) => ({ id, startsAt: at(start), endsAt: at(end), messageZh: "升级", messageEn: "Upgrade", version: 1 });

describe("maintenance state", () => {
  it("a window in force makes the app read-only until its end; Retry-After counts down to it", () => {
    expect(maintenanceState(now, { manual: false, windows: [w("a", -10, 30)], leadHours: 24 })).toMatchObject({ readOnly: true, reason: "window", until: at(30), retryAfterSeconds: 1800, window: { id: "a" } });
  });

  it("the manual switch wins and has no known end", () => {
    expect(maintenanceState(now, { manual: true, windows: [w("a", -10, 30)], leadHours: 24 })).toMatchObject({ readOnly: true, reason: "manual", until: null, retryAfterSeconds: 300 });
  });

  it("a window is announced only within the lead time, and the end is exclusive", () => {
    expect(maintenanceState(now, { manual: false, windows: [w("b", 120, 180)], leadHours: 2 })).toMatchObject({ readOnly: false, announced: { id: "b" } });
    expect(maintenanceState(now, { manual: false, windows: [w("b", 121, 180)], leadHours: 2 }).announced).toBeNull();
    expect(maintenanceState(now, { manual: false, windows: [w("c", -60, 0)], leadHours: 2 }).readOnly).toBe(false);
  });

  it("only sign-in, audit, maintenance and audited reads may write while read-only", () => {
    for (const a of ["auth.sign-in", "auth.sign-out", "maintenance.read-only-changed", "sensitive.unmasked", "spotcheck.report-exported", "audit.exported", "reference.seeded", "user.locale-changed"]) expect(allowedWhileReadOnly(a), a).toBe(true);
    for (const a of ["change.submitted", "draft.saved", "setting.changed", "user.created", "spotcheck.item-recorded", "case.note-added", "reference.bins-imported", "change.hold-elapsed"]) expect(allowedWhileReadOnly(a), a).toBe(false);
  });
});

describe("schedule window schema", () => {
  it("needs both times, start before end, both messages", () => {
    const ok = ZScheduleMaintenanceWindowSchema.safeParse({ startsAt: "2026-11-25T13:52", endsAt: "2026-11-25T14:22", messageZh: "升级", messageEn: "Upgrade" });
    expect(ok.success).toBe(true);
    const bad = ZScheduleMaintenanceWindowSchema.safeParse({ startsAt: "2026-11-25T15:00", endsAt: "2026-11-25T14:00", messageZh: "升级", messageEn: "Upgrade" });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(["validation.maintenance.endBeforeStart"]);
  });
});
