import { z } from "zod";

export const CASE_KINDS = ["ACCOUNT_CHANGE_OBJECTION", "SPOT_CHECK_DISCREPANCY", "CARDHOLDER_REPORT", "RECONCILIATION_FINDING"] as const;
export type TCaseKind = (typeof CASE_KINDS)[number];
export const CASE_STATUSES = ["OPEN", "TRIAGED", "IN_PROGRESS", "CLOSED"] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_PRIORITIES = ["LOW", "NORMAL", "HIGH"] as const;
export type TCasePriority = (typeof CASE_PRIORITIES)[number];
export const CASE_OUTCOMES = ["CORRECTED", "NO_ISSUE", "FRAUD_CONFIRMED", "REFERRED", "DUPLICATE"] as const;
export type TCaseOutcome = (typeof CASE_OUTCOMES)[number];

const id = z.string().min(1).max(64);
/** Every case action names the version the auditor saw: a case that moved on meanwhile is a conflict. */
const caseTarget = { caseId: id, version: z.number().int().positive() };
const assignee = z.string({ error: "validation.case.assigneeRequired" }).min(1, { error: "validation.case.assigneeRequired" }).max(64);

export const ZTriageCaseSchema = z.strictObject({
  ...caseTarget,
  priority: z.enum(CASE_PRIORITIES, { error: "validation.case.priorityRequired" }),
  assigneeId: assignee,
});
export type TTriageCase = z.input<typeof ZTriageCaseSchema>;

/** Hands a triaged case on, and/or changes how urgent it is; without a priority, only the assignee. */
export const ZAssignCaseSchema = z.strictObject({
  ...caseTarget,
  assigneeId: assignee,
  priority: z.enum(CASE_PRIORITIES, { error: "validation.case.priorityRequired" }).optional(),
});
export type TAssignCase = z.input<typeof ZAssignCaseSchema>;

export const ZAddCaseNoteSchema = z.strictObject({
  ...caseTarget,
  body: z.string().trim().min(2, { error: "validation.case.noteRequired" }).max(4000, { error: "validation.tooLong" }),
});
export type TAddCaseNote = z.input<typeof ZAddCaseNoteSchema>;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

/** Link what the case concerns; at least one of the three, each looked up on the server. */
export const ZLinkCaseSchema = z
  .strictObject({
    ...caseTarget,
    merchantNo: z.preprocess(blankToUndefined, z.string().regex(/^[0-9A-Z]{15}$/, { error: "validation.case.merchantNoFormat" }).optional()),
    terminalId: z.preprocess(blankToUndefined, z.string().regex(/^[0-9A-Za-z]{8}$/, { error: "validation.case.terminalIdFormat" }).optional()),
    changeRequestReference: z.preprocess(blankToUndefined, z.string().max(64, { error: "validation.tooLong" }).optional()),
  })
  .refine((l) => l.merchantNo || l.terminalId || l.changeRequestReference, { error: "validation.case.linkRequired", path: ["_form"] });
export type TLinkCase = z.input<typeof ZLinkCaseSchema>;

export const ZCloseCaseSchema = z.strictObject({
  ...caseTarget,
  outcome: z.enum(CASE_OUTCOMES, { error: "validation.case.outcomeRequired" }),
  outcomeNote: z.string().trim().min(5, { error: "validation.case.outcomeNoteRequired" }).max(4000, { error: "validation.tooLong" }),
});
export type TCloseCase = z.input<typeof ZCloseCaseSchema>;
