import { z } from "zod";

export const STATUS_CHANGE_KINDS = ["SUSPEND", "REACTIVATE"] as const;
export type TStatusChangeKind = (typeof STATUS_CHANGE_KINDS)[number];
type TMerchantStatus = "ONBOARDING" | "ACTIVE" | "SUSPENDED" | "CLOSED";

/** Which status each kind moves a merchant from and to, and what a merchant in any other status is told. */
export const STATUS_CHANGE: Record<TStatusChangeKind, { from: TMerchantStatus; to: TMerchantStatus; wrongStatus: string }> = {
  SUSPEND: { from: "ACTIVE", to: "SUSPENDED", wrongStatus: "validation.statusChange.notActive" },
  REACTIVATE: { from: "SUSPENDED", to: "ACTIVE", wrongStatus: "validation.statusChange.notSuspended" },
};

/** The one status change a merchant in this status can be asked for, if any. */
export function statusChangeFor(status: string): TStatusChangeKind | null {
  return STATUS_CHANGE_KINDS.find((kind) => STATUS_CHANGE[kind].from === status) ?? null;
}

export const REASON_MIN = 5;
export const REASON_MAX = 500;

/** A clerk asks to suspend or reactivate the merchant version they saw, saying why. */
export const ZRequestStatusChangeSchema = z.strictObject({
  merchantId: z.string().min(1).max(64),
  merchantVersion: z.number().int().positive(),
  kind: z.enum(STATUS_CHANGE_KINDS),
  reason: z
    .string()
    .trim()
    .min(REASON_MIN, { error: "validation.statusChange.reason" })
    .max(REASON_MAX, { error: "validation.tooLong" }),
});
export type TRequestStatusChange = z.input<typeof ZRequestStatusChangeSchema>;
