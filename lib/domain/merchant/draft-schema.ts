import { z } from "zod";
import { ACCOUNT_TYPES, MERCHANT_TYPES } from "./application-schema";

// A draft may be incomplete or wrong: only shape and size are checked, so work is never lost.
const text = (max: number) => z.string().max(max, { error: "validation.tooLong" }).optional().default("");

export const ZApplicationDraftDataSchema = z.strictObject({
  merchant: z.strictObject({
    type: z.enum(MERCHANT_TYPES).optional().default("ENTERPRISE"),
    legalName: text(400), receiptName: text(160), creditCode: text(64), legalRepName: text(160), legalRepId: text(64),
    phone: text(64), mcc: text(16), divisionCode: text(16), street: text(800),
  }),
  account: z.strictObject({
    accountType: z.enum(ACCOUNT_TYPES).optional().default("CORPORATE"),
    accountName: text(400), accountNo: text(64), bankCode: text(16), branchName: text(400), cnaps: text(64),
    thirdPartyAuthRef: text(60), thirdPartyAuthDate: text(16),
  }),
  terminals: z.array(z.strictObject({ terminalId: text(32), serialNo: text(64), installAddress: text(800) })).max(50),
});
export type TApplicationDraftData = z.infer<typeof ZApplicationDraftDataSchema>;

export const ZSaveDraftSchema = z.strictObject({
  draftId: z.string().max(64).optional(),
  version: z.number().int().positive().optional(),
  data: ZApplicationDraftDataSchema,
});

export const ZSubmitApplicationSchema = z.strictObject({
  draftId: z.string().max(64).optional(),
  draftVersion: z.number().int().positive().optional(),
  data: z.unknown(),
});

export function draftTitle(data: TApplicationDraftData) {
  return data.merchant.legalName.trim().slice(0, 100);
}
