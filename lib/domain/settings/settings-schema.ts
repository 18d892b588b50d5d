import { z } from "zod";

/** Every admin-tunable setting with its default; stored rows override, unknown keys are ignored. */
export const ZSettingsSchema = z.object({
  acquirerCode: z.string().regex(/^\d{3}$/).default("898"),
  /** Days an approved account change waits for an out-of-band confirmation before it takes effect on its own. */
  confirmation: z.object({ holdDays: z.number().int().min(0).max(30).default(3) }).default({ holdDays: 3 }),
  /** Hours before a maintenance window that signed-in users start seeing its banner. */
  maintenance: z.object({ leadHours: z.number().int().min(0).max(336).default(24) }).default({ leadHours: 24 }),
  /** Days a finished reconciliation run keeps its staged rows (for re-runs) before they are deleted. */
  reconciliation: z.object({ keepStagedDays: z.number().int().min(1).max(3650).default(90) }).default({ keepStagedDays: 90 }),
  risk: z
    .object({
      maxAccountChanges90d: z.number().int().min(1).max(20).default(2),
      newMerchantDays: z.number().int().min(0).max(365).default(30),
      sharedAccountMerchants: z.number().int().min(1).max(20).default(1),
      sharedPhoneMerchants: z.number().int().min(1).max(20).default(2),
    })
    .default({ maxAccountChanges90d: 2, newMerchantDays: 30, sharedAccountMerchants: 1, sharedPhoneMerchants: 2 }),
});
export type TSettings = z.infer<typeof ZSettingsSchema>;
export const DEFAULT_SETTINGS: TSettings = ZSettingsSchema.parse({});
