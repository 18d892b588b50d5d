import { z } from "zod";

export const FINDING_KINDS = ["UNKNOWN_TERMINAL", "TERMINAL_BOUND_TO_OTHER_MERCHANT", "PAYEE_DIFFERS", "ACCOUNT_DIFFERS", "OUTSIDE_BINDING_PERIOD"] as const;
export type TFindingKind = (typeof FINDING_KINDS)[number];
export const RUN_STATUSES = ["RECEIVING", "STAGING", "COMPARING", "DONE", "REFUSED", "FAILED"] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];

/** The generator's sidecar names kinds in snake case (docs/reconciliation-file-format.md). */
export function findingKindOf(generatorKind: string): TFindingKind {
  return generatorKind.toUpperCase() as TFindingKind;
}

const id = z.string().min(1).max(64);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const ZStartRunSchema = z.strictObject({
  fileName: z.string().trim().min(1, { error: "validation.reconciliation.fileRequired" }).max(255, { error: "validation.tooLong" }),
});

export const ZRunRefSchema = z.strictObject({ runId: id });
export const ZResumeRunSchema = z.strictObject({ runId: id, version: z.number().int().positive() });

export const ZRunFilterSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(RUN_STATUSES).optional()),
  fileName: z.preprocess(blankToUndefined, z.string().max(255).optional()),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type TRunFilter = z.infer<typeof ZRunFilterSchema>;

export const ZFindingFilterSchema = z.object({
  runId: id,
  kind: z.preprocess(blankToUndefined, z.enum(FINDING_KINDS).optional()),
  terminalId: z.preprocess(blankToUndefined, z.string().max(16).optional()),
  merchantNo: z.preprocess(blankToUndefined, z.string().max(16).optional()),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type TFindingFilter = z.infer<typeof ZFindingFilterSchema>;

export const ZRejectedPageSchema = z.object({ runId: id, page: z.coerce.number().int().min(1).max(1_000_000).default(1) });

export const ZFindingActionSchema = z.strictObject({ findingId: id, version: z.number().int().positive() });
export const ZFindingSpotCheckSchema = z.strictObject({
  findingId: id,
  version: z.number().int().positive(),
  campaignId: z.string({ error: "validation.reconciliation.campaignRequired" }).min(1, { error: "validation.reconciliation.campaignRequired" }).max(64),
});
