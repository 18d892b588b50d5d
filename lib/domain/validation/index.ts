/**
 * Pure identifier validation (DOMAIN.md §1–2). `checkField` never throws.
 */
import { type ErrorCode, type NoticeCode, type Verdict } from "./codes";
import { checkBankCard } from "./bank-card";
import { checkCnaps } from "./cnaps";
import { checkCorporateAccount } from "./corporate-account";
import { checkFixedLine } from "./fixed-line";
import { checkMcc } from "./mcc";
import { checkMerchantNo } from "./merchant-no";
import { checkMobile, type MobileOptions } from "./mobile";
import { normalizeIdentifier } from "./normalize";
import { checkResidentId, type ResidentIdOptions } from "./resident-id";
import { checkTerminalId } from "./terminal-id";
import { checkUscc, type UsccOptions } from "./uscc";

export { ERROR_CODES, WARNING_CODES, NOTICE_CODES, checkCodes } from "./codes";
export type { ErrorCode, WarningCode, NoticeCode, CheckCode, Verdict } from "./codes";
export * from "./messages";
export * from "./normalize";
export * from "./uscc";
export * from "./resident-id";
export * from "./bank-card";
export * from "./corporate-account";
export * from "./cnaps";
export * from "./mobile";
export * from "./fixed-line";
export * from "./merchant-no";
export * from "./terminal-id";
export * from "./mcc";

export type FieldKind =
  | "uscc"
  | "residentId"
  | "bankCard"
  | "corporateAccount"
  | "cnaps"
  | "mobile"
  | "fixedLine"
  | "merchantNo"
  | "terminalId"
  | "mcc";

export type FieldCheck = { ok: boolean; normalized?: string; code?: string; warnings: string[] };

/** Policy switches; defaults are our policy (DOMAIN.md §2). */
export type CheckOptions = UsccOptions & ResidentIdOptions & MobileOptions;

/** Longer raw input is rejected (TOO_LONG) before any processing. */
export const MAX_INPUT_LENGTH = 256;

type Spec = {
  check: (s: string, o: CheckOptions) => Verdict;
  /** Upper-case a–z during normalisation (false: case-significant identifiers). */
  foldsCase: boolean;
  /** Fixed lengths and charset code: a `-` standing in for a character is reported as a charset error. */
  lengths?: readonly number[];
  charsetCode?: ErrorCode;
};

const SPECS: Readonly<Record<FieldKind, Spec>> = {
  uscc: { check: checkUscc, foldsCase: true, lengths: [18], charsetCode: "BAD_CHARSET" },
  residentId: { check: checkResidentId, foldsCase: true, lengths: [15, 18], charsetCode: "BAD_CHARSET" },
  bankCard: { check: checkBankCard, foldsCase: true },
  corporateAccount: { check: checkCorporateAccount, foldsCase: true },
  cnaps: { check: checkCnaps, foldsCase: true, lengths: [12], charsetCode: "NON_DIGIT" },
  mobile: { check: checkMobile, foldsCase: true },
  fixedLine: { check: checkFixedLine, foldsCase: true },
  merchantNo: { check: checkMerchantNo, foldsCase: false, lengths: [15], charsetCode: "BAD_CHARSET" },
  terminalId: { check: checkTerminalId, foldsCase: false, lengths: [8], charsetCode: "BAD_CHARSET" },
  mcc: { check: checkMcc, foldsCase: true, lengths: [4], charsetCode: "NON_DIGIT" },
};

export const FIELD_KINDS = Object.keys(SPECS) as FieldKind[];

function specFor(kind: unknown): Spec | undefined {
  return typeof kind === "string" && Object.prototype.hasOwnProperty.call(SPECS, kind)
    ? SPECS[kind as FieldKind]
    : undefined;
}

// Shared, not built per call (checkField runs twice per reconciliation row); the checkers only read them.
const FOLD_CASE = Object.freeze({ upperCase: true });
const KEEP_CASE = Object.freeze({ upperCase: false });
const NO_OPTIONS: CheckOptions = Object.freeze({});

/**
 * Normalise and check one identifier. `normalized` is the value to store when ok (e.g. a legacy
 * 15-digit ID upgraded to 18, a mobile number without +86) and, when not ok, the normalised input to
 * show back. Never throws: non-strings → NOT_TEXT (null/undefined → EMPTY), over-long → TOO_LONG.
 */
export function checkField(kind: FieldKind, raw: unknown, options?: CheckOptions): FieldCheck {
  const spec = specFor(kind);
  if (spec === undefined) return { ok: false, code: "UNKNOWN_FIELD", warnings: [] };
  if (raw === null || raw === undefined) return { ok: false, code: "EMPTY", warnings: [] };
  if (typeof raw !== "string") return { ok: false, code: "NOT_TEXT", warnings: [] };
  if (raw.length > MAX_INPUT_LENGTH) return { ok: false, code: "TOO_LONG", warnings: [] };
  const normalized = normalizeIdentifier(raw, spec.foldsCase ? FOLD_CASE : KEEP_CASE);
  if (normalized === "") return { ok: false, code: "EMPTY", warnings: [] };
  const opts: CheckOptions = typeof options === "object" && options !== null ? options : NO_OPTIONS;
  const verdict = spec.check(raw, opts);
  if (verdict.ok) return { ok: true, normalized: verdict.normalized, warnings: [...verdict.warnings] };
  let code: ErrorCode = verdict.code;
  if (code === "BAD_LENGTH" && spec.lengths && spec.charsetCode) {
    // "31130102-4T604DG5R": the '-' replaced a character; say so rather than "17 characters".
    const kept = normalizeIdentifier(raw, { keepHyphens: true, upperCase: spec.foldsCase });
    if (kept.includes("-") && spec.lengths.includes(kept.length)) code = spec.charsetCode;
  }
  return { ok: false, code, normalized: verdict.normalized ?? normalized, warnings: [] };
}

/**
 * What normalisation repairs in this raw string (the vectors' raw-form reasons), or null if nothing.
 * Lower case is only an issue for kinds that fold case (not merchant numbers / terminal IDs).
 */
export function rawIssue(kind: FieldKind, raw: unknown): NoticeCode | null {
  if (typeof raw !== "string" || raw.length > MAX_INPUT_LENGTH) return null;
  if (/[\s\u200B-\u200D\u2060]/.test(raw)) return "WHITESPACE";
  if (/[\uFF01-\uFF5E]/.test(raw)) return "FULLWIDTH";
  if (specFor(kind)?.foldsCase === true && /[a-z]/.test(raw)) {
    return kind === "residentId" && /x$/.test(raw) && !/[a-wyz]/.test(raw) ? "LOWERCASE_X" : "LOWERCASE";
  }
  return null;
}

/** True if `raw` is acceptable and already exactly in its stored (normalised) form. */
export function isCanonical(kind: FieldKind, raw: unknown): boolean {
  const result = checkField(kind, raw);
  return result.ok && result.normalized === raw;
}
