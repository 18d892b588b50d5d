import { z } from "zod";
import { ageOnDate, checkField, cnapsBankCategory, usccEntityType } from "@/lib/domain/validation";
import { identifier, nameField, phoneField } from "./identifier-field";
import { isKeptBlank, type TSealedField } from "./sealed-fields";

export const MERCHANT_TYPES = ["ENTERPRISE", "INDIVIDUAL_BUSINESS", "MICRO"] as const;
export const ACCOUNT_TYPES = ["CORPORATE", "PERSONAL"] as const;
export type TMerchantType = (typeof MERCHANT_TYPES)[number];
export type TAccountType = (typeof ACCOUNT_TYPES)[number];

const optionalText = (max: number) =>
  z.string().max(max, { error: "validation.tooLong" }).transform((s) => s.trim()).optional().default("");

// Checked here as "some valid account number", so a bad one shows on the first submit; the
// type-specific rule (card vs corporate account) runs with the whole application below.
const accountNoTyped = z
  .string({ error: "validation.required" })
  .max(256)
  .superRefine((raw, ctx) => {
    const corporate = checkField("corporateAccount", raw);
    if (!corporate.ok && !checkField("bankCard", raw).ok) ctx.addIssue({ code: "custom", message: `field.${corporate.code}` });
  });

type TSealedInput = z.ZodType<string, string>;
const TYPED: Record<TSealedField, TSealedInput> = { legalRepId: identifier("residentId"), accountNo: accountNoTyped };

/**
 * A sealed number on a form that edits stored data: blank keeps the value on file (output ""),
 * unless it must be re-typed; anything typed is checked as on a new entry.
 */
function keptOrTyped(field: TSealedField, mustRetype: boolean): TSealedInput {
  return z.string({ error: "validation.required" }).transform((raw, ctx) => {
    if (isKeptBlank(raw)) {
      if (mustRetype) ctx.addIssue({ code: "custom", message: "validation.sealed.retype" });
      return "";
    }
    const typed = TYPED[field].safeParse(raw);
    if (typed.success) return typed.data;
    for (const issue of typed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });
}

const merchantPart = (legalRepId: TSealedInput) => z.strictObject({
  type: z.enum(MERCHANT_TYPES, { error: "validation.merchant.type" }),
  legalName: nameField(100),
  receiptName: nameField(40),
  // Micro-merchants have no business licence, so no credit code (cross-checked below).
  creditCode: z
    .string()
    .optional()
    .default("")
    .transform((raw, ctx) => {
      if (raw.trim() === "") return "";
      const uscc = checkField("uscc", raw);
      if (uscc.ok) return uscc.normalized!;
      ctx.addIssue({ code: "custom", message: `field.${uscc.code}` });
      return z.NEVER;
    }),
  legalRepName: nameField(40),
  legalRepId,
  phone: phoneField(),
  mcc: identifier("mcc"),
  divisionCode: z.string({ error: "validation.required" }).regex(/^\d{6}$/, { error: "validation.merchant.division" }),
  street: nameField(200),
});

const accountPart = (accountNo: TSealedInput) => z.strictObject({
  accountType: z.enum(ACCOUNT_TYPES, { error: "validation.account.type" }),
  accountName: nameField(100),
  accountNo,
  bankCode: z.string({ error: "validation.account.bank" }).regex(/^\d{3}$/, { error: "validation.account.bank" }),
  branchName: nameField(100),
  cnaps: identifier("cnaps"),
  thirdPartyAuthRef: optionalText(60),
  thirdPartyAuthDate: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: "validation.account.authDate" }).optional().default(""),
});

export const ZTerminalPartSchema = z.strictObject({
  terminalId: identifier("terminalId"),
  serialNo: z
    .string({ error: "validation.required" })
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9-]{4,40}$/, { error: "validation.terminal.serial" })),
  installAddress: nameField(200),
});

export const ZMerchantPartSchema = merchantPart(TYPED.legalRepId);
export const ZAccountPartSchema = accountPart(TYPED.accountNo);

/**
 * The whole application as a clerk submits it; `today` fixes the age rule's date in tests.
 * With `keepSealed`, the sealed numbers may be blank (keep what is on file, see sealed-fields.ts):
 * the rules that need their value are then left to the server, which fills them in and judges
 * the whole application again with the plain schema.
 */
export function makeApplicationSchema(today: () => Date = () => new Date(), keepSealed?: { mustRetype: readonly TSealedField[] }) {
  const sealedInput = (field: TSealedField) => (keepSealed ? keptOrTyped(field, keepSealed.mustRetype.includes(field)) : TYPED[field]);
  return z
    .strictObject({
      merchant: merchantPart(sealedInput("legalRepId")),
      account: accountPart(sealedInput("accountNo")),
      terminals: z.array(ZTerminalPartSchema).min(1, { error: "validation.terminal.min" }).max(50, { error: "validation.terminal.max" }),
    })
    .transform((app, ctx) => {
      const { merchant, account } = app;
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

      // Credit code: required with a licence, and its type must match the merchant type.
      const creditCode = merchant.creditCode;
      if (merchant.type === "MICRO") {
        if (creditCode) issue(["merchant", "creditCode"], "validation.merchant.microNoCreditCode");
      } else {
        if (!creditCode) issue(["merchant", "creditCode"], "validation.required");
        else {
          const entity = usccEntityType(creditCode);
          if (merchant.type === "ENTERPRISE" && entity !== "enterprise") issue(["merchant", "creditCode"], "validation.merchant.creditCodeNotEnterprise");
          if (merchant.type === "INDIVIDUAL_BUSINESS" && entity !== "individualBusiness") issue(["merchant", "creditCode"], "validation.merchant.creditCodeNotIndividual");
        }
      }
      const age = merchant.legalRepId ? ageOnDate(merchant.legalRepId, today()) : null;
      if (age !== null && age < 16) issue(["merchant", "legalRepId"], "validation.merchant.legalRepTooYoung");

      // Who may receive the money (DOMAIN.md §3).
      if (merchant.type === "ENTERPRISE" && account.accountType !== "CORPORATE") issue(["account", "accountType"], "validation.account.enterpriseCorporateOnly");
      if (merchant.type === "MICRO" && account.accountType !== "PERSONAL") issue(["account", "accountType"], "validation.account.microPersonalOnly");

      const accountCheck = account.accountNo ? checkField(account.accountType === "PERSONAL" ? "bankCard" : "corporateAccount", account.accountNo) : null;
      if (accountCheck && !accountCheck.ok) issue(["account", "accountNo"], `field.${accountCheck.code}`);

      const expectedName = account.accountType === "CORPORATE" ? merchant.legalName : merchant.legalRepName;
      const thirdParty = account.accountName !== expectedName;
      if (thirdParty && merchant.type === "ENTERPRISE") issue(["account", "accountName"], "validation.account.nameMustBeLegalName");
      else if (thirdParty && !account.thirdPartyAuthRef) issue(["account", "thirdPartyAuthRef"], "validation.account.thirdPartyAuthRequired");
      else if (thirdParty && !account.thirdPartyAuthDate) issue(["account", "thirdPartyAuthDate"], "validation.account.authDate");

      if (cnapsBankCategory(account.cnaps) !== account.bankCode) issue(["account", "cnaps"], "validation.account.cnapsBankMismatch");

      const seenTerminals = new Set<string>();
      const seenSerials = new Set<string>();
      app.terminals.forEach((t, i) => {
        if (seenTerminals.has(t.terminalId)) issue(["terminals", i, "terminalId"], "validation.terminal.duplicateInForm");
        if (seenSerials.has(t.serialNo)) issue(["terminals", i, "serialNo"], "validation.terminal.duplicateInForm");
        seenTerminals.add(t.terminalId);
        seenSerials.add(t.serialNo);
      });

      return {
        merchant: { ...merchant, creditCode: creditCode || null },
        account: {
          ...account,
          accountNo: accountCheck?.normalized ?? account.accountNo,
          accountNoWarnings: accountCheck?.warnings ?? [],
          thirdParty,
          thirdPartyAuthRef: thirdParty ? account.thirdPartyAuthRef : "",
          thirdPartyAuthDate: thirdParty ? account.thirdPartyAuthDate : "",
        },
        terminals: app.terminals,
      };
    });
}

export const ZMerchantApplicationSchema = makeApplicationSchema();

/** For a form that corrects or edits stored data: form and server parse with the same one. */
export function makeKeepSealedApplicationSchema(mustRetype: readonly TSealedField[] = []) {
  return makeApplicationSchema(undefined, { mustRetype });
}
/** What the form holds (raw strings). */
export type TMerchantApplicationInput = z.input<typeof ZMerchantApplicationSchema>;
/** What the server stores after validation (normalised). */
export type TMerchantApplication = z.output<typeof ZMerchantApplicationSchema>;

export function emptyApplication(): TMerchantApplicationInput {
  return {
    merchant: { type: "ENTERPRISE", legalName: "", receiptName: "", creditCode: "", legalRepName: "", legalRepId: "", phone: "", mcc: "", divisionCode: "", street: "" },
    account: { accountType: "CORPORATE", accountName: "", accountNo: "", bankCode: "", branchName: "", cnaps: "", thirdPartyAuthRef: "", thirdPartyAuthDate: "" },
    terminals: [{ terminalId: "", serialNo: "", installAddress: "" }],
  };
}
