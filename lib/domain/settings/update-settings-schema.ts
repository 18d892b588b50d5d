import { z } from "zod";
import type { TSettings } from "./settings-schema";

/** A whole number typed in a text field (or sent as a number by an API), within [min, max]. */
const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "number" ? String(v) : v),
    z
      .string({ error: message })
      .trim()
      .regex(/^\d{1,4}$/, { error: message })
      .transform(Number)
      .refine((n) => n >= min && n <= max, { error: message }),
  );

/** The admin's settings form, flat; each stored row (top-level key) carries the version the admin saw (0: never stored). */
export const ZUpdateSettingsSchema = z.strictObject({
  versions: z.record(z.string().max(40), z.number().int().min(0)).default({}),
  acquirerCode: z.string({ error: "validation.settings.acquirerCode" }).trim().regex(/^\d{3}$/, { error: "validation.settings.acquirerCode" }),
  holdDays: wholeNumber(0, 30, "validation.settings.holdDays"),
  maintenanceLeadHours: wholeNumber(0, 336, "validation.settings.maintenanceLeadHours"),
  keepStagedDays: wholeNumber(1, 3650, "validation.settings.keepStagedDays"),
  maxAccountChanges90d: wholeNumber(1, 20, "validation.settings.maxAccountChanges90d"),
  newMerchantDays: wholeNumber(0, 365, "validation.settings.newMerchantDays"),
  sharedAccountMerchants: wholeNumber(1, 20, "validation.settings.sharedAccountMerchants"),
  sharedPhoneMerchants: wholeNumber(1, 20, "validation.settings.sharedPhoneMerchants"),
});
export type TUpdateSettings = z.input<typeof ZUpdateSettingsSchema>;

/** The stored shape (one row per top-level key) of what the form submitted. */
export function settingsFromForm(v: z.output<typeof ZUpdateSettingsSchema>): TSettings {
  return {
    acquirerCode: v.acquirerCode,
    confirmation: { holdDays: v.holdDays },
    maintenance: { leadHours: v.maintenanceLeadHours },
    reconciliation: { keepStagedDays: v.keepStagedDays },
    risk: { maxAccountChanges90d: v.maxAccountChanges90d, newMerchantDays: v.newMerchantDays, sharedAccountMerchants: v.sharedAccountMerchants, sharedPhoneMerchants: v.sharedPhoneMerchants },
  };
}
