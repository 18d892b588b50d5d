import { z } from "zod";

export const SPOT_CHECK_STRATEGIES = ["SIMPLE", "RISK_WEIGHTED", "STRATIFIED_BY_MAKER"] as const;
export const SPOT_CHECK_OUTCOMES = ["CONFIRMED", "DISCREPANCY", "UNREACHABLE"] as const;
export type TSpotCheckOutcome = (typeof SPOT_CHECK_OUTCOMES)[number];

const id = z.string().min(1).max(64);
const day = z.iso.date({ error: "validation.invalid" });

/** Which approved merchants the campaign draws from; every filter given narrows it, none means all active. */
export const ZSpotCheckPopulationSchema = z.strictObject({
  /** Current version approved within the last N days. */
  changedWithinDays: z.number().int().min(1).max(3660).optional(),
  mccs: z.array(z.string().regex(/^\d{4}$/)).min(1).max(100).optional(),
  /** Start of the administrative division code, e.g. "31" (Shanghai) or "3101". */
  regionPrefix: z.string().regex(/^\d{2,6}$/).optional(),
  /** Makers (clerks) of the current version. */
  makerIds: z.array(id).min(1).max(100).optional(),
});
export type TSpotCheckPopulation = z.infer<typeof ZSpotCheckPopulationSchema>;

/** Fixed n, or attribute sampling (docs/decisions/007): confidence, tolerable and expected error rates. */
export const ZSpotCheckSizingSchema = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("FIXED"), sampleSize: z.number().int().min(1).max(10_000) }),
  z
    .strictObject({
      method: z.literal("ATTRIBUTE"),
      confidence: z.number().gt(0.5).lt(1),
      tolerableRate: z.number().gt(0).max(0.5),
      expectedRate: z.number().min(0).lt(0.5),
    })
    .refine((s) => s.expectedRate < s.tolerableRate, { error: "validation.spotCheck.expectedNotBelowTolerable", path: ["expectedRate"] }),
]);
export type TSpotCheckSizing = z.infer<typeof ZSpotCheckSizingSchema>;

export const ZCreateCampaignSchema = z
  .strictObject({
    name: z.string().trim().min(2, { error: "validation.required" }).max(200, { error: "validation.tooLong" }),
    periodStart: day,
    periodEnd: day,
    population: ZSpotCheckPopulationSchema.default({}),
    sizing: ZSpotCheckSizingSchema,
    strategy: z.enum(SPOT_CHECK_STRATEGIES),
    /** Optional: a stored seed makes the draw reproducible; one is generated when left out. */
    seed: z.string().trim().min(1).max(128).optional(),
    auditorIds: z.array(id).min(1, { error: "validation.spotCheck.auditorsRequired" }).max(100),
  })
  .refine((c) => c.periodStart <= c.periodEnd, { error: "validation.spotCheck.periodOrder", path: ["periodEnd"] });
export type TCreateCampaign = z.input<typeof ZCreateCampaignSchema>;

const itemTarget = { itemId: id, version: z.number().int().positive() };

export const ZReassignItemSchema = z.strictObject({ ...itemTarget, assigneeId: id });

export const ZSpotCheckChecklistSchema = z.strictObject({
  accountHolderConfirmed: z.boolean(),
  accountNumberConfirmed: z.boolean(),
  terminalAtAddress: z.boolean(),
  contactReachable: z.boolean(),
});
export type TSpotCheckChecklist = z.infer<typeof ZSpotCheckChecklistSchema>;
/** The checklist's boxes in the order the item screen shows them. */
export const CHECKLIST_ITEMS = ZSpotCheckChecklistSchema.keyof().options;

export const ZRecordItemOutcomeSchema = z
  .strictObject({
    ...itemTarget,
    outcome: z.enum(SPOT_CHECK_OUTCOMES),
    checklist: ZSpotCheckChecklistSchema,
    note: z.string().trim().max(2000, { error: "validation.tooLong" }).default(""),
  })
  // A discrepancy or an unreachable merchant must say what was found; a confirmation may be silent.
  .refine((r) => r.outcome === "CONFIRMED" || r.note.length >= 5, { error: "validation.spotCheck.noteRequired", path: ["note"] })
  // "Confirmed" means every point was checked and held; an unticked box is a discrepancy or unreachable.
  .refine((r) => r.outcome !== "CONFIRMED" || Object.values(r.checklist).every(Boolean), { error: "validation.spotCheck.checklistIncomplete", path: ["checklist"] });
export type TRecordItemOutcome = z.input<typeof ZRecordItemOutcomeSchema>;

export const ZCloseCampaignSchema = z.strictObject({ campaignId: id, version: z.number().int().positive() });
export const ZCampaignRefSchema = z.strictObject({ campaignId: id });
