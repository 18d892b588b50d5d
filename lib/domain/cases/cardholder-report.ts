import { z } from "zod";
import { checkField, normalizeName } from "@/lib/domain/validation";

/** How far back a cardholder may report: older slips are for the card issuer's dispute process. */
export const REPORT_MAX_AGE_DAYS = 365;
export const REPORT_TEXT_MAX = 2000;
/** The bot trap's field name: a plausible thing for a form-filling robot to fill, hidden from people. */
export const REPORT_TRAP_FIELD = "website";

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day ("YYYY-MM-DD") of an instant: cardholders read dates off Chinese slips. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instants a Beijing calendar day spans, [start, end). */
export function beijingDayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 24 * 3_600_000) };
}

function isRealDate(day: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

const optionalName = (max: number) =>
  z
    .string()
    .max(max * 4, { error: "validation.tooLong" })
    .optional()
    .default("")
    .transform(normalizeName)
    .pipe(z.string().max(max, { error: "validation.tooLong" }));

/** Identifiers are upper-case on the slip; a cardholder on a phone keyboard may type lower case. */
const optionalIdentifier = (kind: "terminalId" | "merchantNo") =>
  z
    .string()
    .max(256, { error: "validation.tooLong" })
    .optional()
    .default("")
    .transform((raw, ctx) => {
      if (blank(raw)) return "";
      const result = checkField(kind, raw.toUpperCase());
      if (result.ok) return result.normalized!;
      ctx.addIssue({ code: "custom", message: `field.${result.code ?? "BAD_FORMAT"}` });
      return z.NEVER;
    });

const optionalTerminalId = optionalIdentifier("terminalId");
const optionalMerchantNo = optionalIdentifier("merchantNo");

/** Yuan with at most two decimals, above zero; stored as fen so nothing is lost to floating point. */
const optionalAmount = z
  .string()
  .max(32, { error: "validation.tooLong" })
  .optional()
  .default("")
  .transform((raw, ctx) => {
    const s = raw.trim().replace(/[,，]/g, "").replace(/^[¥￥]/, "").trim();
    if (s === "") return null;
    const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
    const fen = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : 0;
    if (!m || fen <= 0) {
      ctx.addIssue({ code: "custom", message: "validation.cardholderReport.amount" });
      return z.NEVER;
    }
    return fen;
  });

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

/** A phone number (mobile or fixed line, checked like every number) or an e-mail address. */
const optionalContact = z
  .string()
  .max(256, { error: "validation.tooLong" })
  .optional()
  .default("")
  .transform((raw, ctx) => {
    const s = raw.trim();
    if (s === "") return "";
    if (s.includes("@")) {
      if (EMAIL.test(s)) return s;
      ctx.addIssue({ code: "custom", message: "validation.cardholderReport.contact" });
      return z.NEVER;
    }
    const mobile = checkField("mobile", s);
    if (mobile.ok) return mobile.normalized!;
    const fixed = checkField("fixedLine", s);
    if (fixed.ok) return fixed.normalized!;
    ctx.addIssue({ code: "custom", message: "validation.cardholderReport.contact" });
    return z.NEVER;
  });

/**
 * What a cardholder reports from a slip or a payment app's bill. `now` fixes the clock in tests;
 * the date must be a Beijing calendar day, not in the future and not older than a year.
 */
export function makeCardholderReportSchema(now: () => Date = () => new Date()) {
  return z
    .strictObject({
      terminalId: optionalTerminalId,
      merchantName: optionalName(100),
      merchantNo: optionalMerchantNo,
      payeeShown: z
        .string({ error: "validation.cardholderReport.payeeRequired" })
        .max(400, { error: "validation.tooLong" })
        .transform(normalizeName)
        .pipe(z.string().min(1, { error: "validation.cardholderReport.payeeRequired" }).max(100, { error: "validation.tooLong" })),
      occurredOn: z
        .string({ error: "validation.cardholderReport.dateRequired" })
        .transform((raw, ctx) => {
          const day = raw.trim();
          if (day === "") {
            ctx.addIssue({ code: "custom", message: "validation.cardholderReport.dateRequired" });
            return z.NEVER;
          }
          if (!isRealDate(day)) {
            ctx.addIssue({ code: "custom", message: "validation.cardholderReport.dateFormat" });
            return z.NEVER;
          }
          const today = beijingDate(now());
          if (day > today) {
            ctx.addIssue({ code: "custom", message: "validation.cardholderReport.dateInFuture" });
            return z.NEVER;
          }
          if (day < beijingDate(new Date(now().getTime() - REPORT_MAX_AGE_DAYS * 86_400_000))) {
            ctx.addIssue({ code: "custom", message: "validation.cardholderReport.dateTooOld" });
            return z.NEVER;
          }
          return day;
        }),
      amount: optionalAmount,
      contact: optionalContact,
      description: z
        .string()
        .max(REPORT_TEXT_MAX, { error: "validation.cardholderReport.descriptionTooLong" })
        .optional()
        .default("")
        .transform((s) => s.trim()),
      /** The bot trap: people never see it; the server answers a filled one without storing anything. */
      [REPORT_TRAP_FIELD]: z.string().max(1000).optional().default(""),
    })
    // `when`: say so on the first submit, beside the other fields' errors, not only once they pass.
    .refine((r) => !!(r?.terminalId || r?.merchantName), { error: "validation.cardholderReport.terminalOrMerchant", path: ["terminalId"], when: () => true })
    .refine((r) => !!(r?.terminalId || r?.merchantName), { error: "validation.cardholderReport.terminalOrMerchant", path: ["merchantName"], when: () => true });
}

export const ZCardholderReportSchema = makeCardholderReportSchema();
export type TCardholderReport = z.input<typeof ZCardholderReportSchema>;
export type TCardholderReportParsed = z.output<typeof ZCardholderReportSchema>;

/** "12.30" from fen, for the case's facts. */
export function yuanOf(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}
