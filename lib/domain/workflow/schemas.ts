import { z } from "zod";

const target = { changeRequestId: z.string().min(1).max(64), version: z.number().int().positive() };

/** What the verifier re-keys, blind: never pre-filled, never compared in the browser. */
export const ZBlindVerificationSchema = z.strictObject({
  ...target,
  creditCode: z.string().max(256).optional().default(""),
  accountName: z.string().max(400),
  accountNo: z.string().max(256),
  cnaps: z.string().max(256),
  acknowledgeWarnings: z.boolean().optional().default(false),
});
export type TBlindVerification = z.input<typeof ZBlindVerificationSchema>;

export const VERIFIED_FIELDS = ["creditCode", "accountName", "accountNo", "cnaps"] as const;
export type TVerifiedField = (typeof VERIFIED_FIELDS)[number];
/** Where each re-keyed field sits in the application form, to mark the ones found different. */
export const VERIFIED_FIELD_PATH: Record<TVerifiedField, string> = {
  creditCode: "merchant.creditCode",
  accountName: "account.accountName",
  accountNo: "account.accountNo",
  cnaps: "account.cnaps",
};

export const ZApproveSchema = z.strictObject({ ...target, acknowledgedFlags: z.array(z.string().max(64)).max(50).default([]) });
export const ZRejectSchema = z.strictObject({ ...target, reason: z.string().trim().min(5, { error: "validation.decision.reason" }).max(1000, { error: "validation.tooLong" }) });
export const ZReturnSchema = z.strictObject({ ...target, comment: z.string().trim().min(5, { error: "validation.decision.comment" }).max(1000, { error: "validation.tooLong" }) });
/** The maker withdraws their own request before anyone approved it. */
export const ZCancelSchema = z.strictObject(target);
export type TApprove = z.input<typeof ZApproveSchema>;
export type TReject = z.input<typeof ZRejectSchema>;
export type TReturn = z.input<typeof ZReturnSchema>;

/** Bulk approval is for requests without any flag; each item carries the version the supervisor saw. */
export const ZBulkApproveSchema = z.strictObject({ items: z.array(z.strictObject(target)).min(1).max(100) });
