import { z } from "zod";
import { nameField, phoneField } from "@/lib/domain/merchant/identifier-field";
import { chinaWallClockToInstant, CLOCK_SKEW_MS } from "./hold";

export const CONFIRMATION_OUTCOMES = ["CONFIRMED", "OBJECTED"] as const;
export type TConfirmationOutcome = (typeof CONFIRMATION_OUTCOMES)[number];

/** Beijing wall-clock time from a datetime-local field, never in the future (the server adds "not before approval"). */
const contactTime = (now: () => Date) =>
  z
    .string({ error: "validation.required" })
    .transform((raw, ctx) => {
      const at = raw.trim() === "" ? null : chinaWallClockToInstant(raw.trim());
      if (!at) {
        ctx.addIssue({ code: "custom", message: raw.trim() === "" ? "validation.required" : "validation.confirmation.contactedAt" });
        return z.NEVER;
      }
      if (at.getTime() > now().getTime() + CLOCK_SKEW_MS) {
        ctx.addIssue({ code: "custom", message: "validation.confirmation.contactedInFuture" });
        return z.NEVER;
      }
      return at;
    });

/** What a clerk records after calling the merchant's previously verified contact; `now` fixes the clock in tests. */
export function makeRecordConfirmationSchema(now: () => Date = () => new Date()) {
  return z
    .strictObject({
      changeRequestId: z.string().min(1).max(64),
      version: z.number().int().positive(),
      contactName: nameField(40),
      phoneUsed: phoneField(),
      contactedAt: contactTime(now),
      outcome: z.enum(CONFIRMATION_OUTCOMES, { error: "validation.confirmation.outcome" }),
      note: z.string().max(1000, { error: "validation.tooLong" }).transform((s) => s.trim()).optional().default(""),
    })
    .refine((v) => v.outcome !== "OBJECTED" || v.note.length >= 5, {
      path: ["note"],
      message: "validation.confirmation.objectionNote",
      // Shown together with any other field's error, not only once everything else is right.
      when: (payload) => {
        const v = payload.value as { outcome?: unknown; note?: unknown } | undefined;
        return v?.outcome === "OBJECTED" && typeof v.note === "string";
      },
    });
}

export const ZRecordConfirmationSchema = makeRecordConfirmationSchema();
/** What the form holds (raw strings). */
export type TRecordConfirmation = z.input<typeof ZRecordConfirmationSchema>;
