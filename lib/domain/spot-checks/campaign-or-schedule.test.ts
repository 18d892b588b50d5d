import { describe, expect, it } from "vitest";
import { planOf, ZCampaignOrScheduleSchema } from "./campaign-or-schedule";

const shared = { name: "Monthly check", population: {}, sizing: { method: "FIXED", sampleSize: 5 }, strategy: "SIMPLE", auditorIds: ["a"] };

describe("the create form's two modes", () => {
  it("sends each use case only its own fields", () => {
    const form = { ...shared, when: "MONTHLY", dayOfMonth: 5, periodStart: "2026-11-01", periodEnd: "2026-11-30", seed: "s" };
    expect(planOf(form)).toEqual({ when: "MONTHLY", input: { ...shared, dayOfMonth: 5 } });
    expect(planOf({ ...form, when: "NOW" })).toEqual({ when: "NOW", input: { ...shared, periodStart: "2026-11-01", periodEnd: "2026-11-30", seed: "s" } });
  });

  it("validates with the chosen mode's schema, errors at the same paths", () => {
    const monthly = ZCampaignOrScheduleSchema.safeParse({ ...shared, when: "MONTHLY", dayOfMonth: 30, periodStart: "", periodEnd: "" });
    expect(monthly.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["dayOfMonth", "validation.spotCheck.dayOfMonth"]]);
    const now = ZCampaignOrScheduleSchema.safeParse({ ...shared, when: "NOW", dayOfMonth: 30, periodStart: "2026-11-30", periodEnd: "2026-11-01" });
    expect(now.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["periodEnd", "validation.spotCheck.periodOrder"]]);
    expect(ZCampaignOrScheduleSchema.safeParse({ ...shared, when: "MONTHLY", dayOfMonth: 28 }).success).toBe(true);
  });
});
