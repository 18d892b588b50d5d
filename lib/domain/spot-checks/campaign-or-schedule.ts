import { z } from "zod";
import { ZCreateScheduleSchema } from "./schedule";
import { ZCreateCampaignSchema } from "./schemas";

/** The create form draws a campaign now or schedules it monthly; each keeps only its own fields. */
export const SPOT_CHECK_WHEN = ["NOW", "MONTHLY"] as const;
const ONLY_NOW = ["periodStart", "periodEnd", "seed"];
const ONLY_MONTHLY = ["dayOfMonth"];

/** The use case's input for what the form says: the other mode's fields and `when` dropped. */
export function planOf(values: Record<string, unknown>): { when: "NOW" | "MONTHLY"; input: Record<string, unknown> } {
  const when = values.when === "MONTHLY" ? "MONTHLY" : "NOW";
  const drop = new Set(["when", ...(when === "MONTHLY" ? ONLY_NOW : ONLY_MONTHLY)]);
  return { when, input: Object.fromEntries(Object.entries(values).filter(([k]) => !drop.has(k))) };
}

/** The form's schema: the campaign's or the schedule's, by `when`, so the browser shows exactly the server's errors. */
export const ZCampaignOrScheduleSchema = z.unknown().transform((values, ctx) => {
  const { when, input } = planOf((values ?? {}) as Record<string, unknown>);
  const parsed = (when === "MONTHLY" ? ZCreateScheduleSchema : ZCreateCampaignSchema).safeParse(input);
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return { when, input: parsed.success ? parsed.data : input };
});
