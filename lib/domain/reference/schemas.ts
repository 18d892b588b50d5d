import { z } from "zod";
import { normalizeName } from "@/lib/domain/validation/normalize";
import { MCC_RISK_LEVELS } from "./mcc-list";

// Messages are i18n keys (messages/*.json "validation.*"); forms and API answers translate them.
const name = (max: number) =>
  z
    .string({ error: "validation.required" })
    .transform(normalizeName)
    .pipe(z.string().min(1, { error: "validation.required" }).max(max, { error: "validation.tooLong" }));

export const ZUpdateMccSchema = z.object({
  code: z.string().regex(/^\d{4}$/, { error: "validation.invalid" }),
  version: z.coerce.number().int().positive(),
  nameZh: name(40),
  nameEn: name(100),
  riskLevel: z.coerce
    .number({ error: "validation.mcc.riskLevel" })
    .int({ error: "validation.mcc.riskLevel" })
    .refine((n) => (MCC_RISK_LEVELS as readonly number[]).includes(n), { error: "validation.mcc.riskLevel" }),
  active: z.boolean({ error: "validation.invalid" }),
});
export type TUpdateMcc = z.infer<typeof ZUpdateMccSchema>;
export type TUpdateMccInput = z.input<typeof ZUpdateMccSchema>;

/** The action gets the file's text: the server action body limit (next.config.ts) is 2 MB. */
export const CARD_BIN_CSV_MAX_CHARS = 1_500_000;

export const ZImportCardBinsSchema = z.object({
  csv: z.string({ error: "validation.cardBin.empty" }).min(1, { error: "validation.cardBin.empty" }).max(CARD_BIN_CSV_MAX_CHARS, { error: "validation.cardBin.tooLarge" }),
  fileName: z.string().trim().max(255).optional(),
});
export type TImportCardBins = z.infer<typeof ZImportCardBinsSchema>;
