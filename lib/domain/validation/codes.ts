/**
 * Stable machine codes for identifier checks. Error and warning codes reuse the reason codes of the
 * test vectors (test/fixtures/public-vectors.json); LUHN_CHECK, NOT_TEXT, TOO_LONG and UNKNOWN_FIELD
 * are ours (the vectors have no case for them).
 */

/** Codes that make a value unacceptable. ORG_CODE_CHECK is an error only with `strictOrgCode`. */
export const ERROR_CODES = [
  "EMPTY",
  "NOT_TEXT",
  "TOO_LONG",
  "UNKNOWN_FIELD",
  "BAD_LENGTH",
  "TOO_SHORT",
  "BAD_CHARSET",
  "NON_DIGIT",
  "CHECK_DIGIT",
  "BAD_AUTHORITY",
  "BAD_TYPE",
  "BAD_REGION",
  "ORG_CODE_CHECK",
  "BAD_DATE",
  "FUTURE_DATE",
  "LEGACY15_NOT_ALLOWED",
  "BAD_PREFIX",
  "UNKNOWN_SEGMENT",
  "BAD_AREA_CODE",
  "BAD_LOCAL_PREFIX",
  "BAD_FORMAT",
  "BAD_ACQUIRER",
  "BAD_MCC",
] as const;

/** Codes attached to an accepted value: the clerk / verifier must see (and may have to acknowledge) them. */
export const WARNING_CODES = [
  "ORG_CODE_CHECK",
  "RESIDENCE_PERMIT",
  "LEGACY_15",
  "LUHN_CHECK",
  "MVNO_SEGMENT",
  "SATELLITE_SEGMENT",
  "SERVICE_400_800",
] as const;

/** Raw-form problems that normalisation repairs (reported by `rawIssue`, never by `checkField`). */
export const NOTICE_CODES = ["WHITESPACE", "FULLWIDTH", "LOWERCASE", "LOWERCASE_X"] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type NoticeCode = (typeof NOTICE_CODES)[number];
export type CheckCode = ErrorCode | WarningCode | NoticeCode;

/** Every error, warning and notice code, each once. */
export const checkCodes: readonly CheckCode[] = Array.from(
  new Set<CheckCode>([...ERROR_CODES, ...WARNING_CODES, ...NOTICE_CODES]),
);

/** Result of one identifier check (internal shape; `checkField` flattens it to `FieldCheck`). */
export type Verdict =
  | { ok: true; normalized: string; warnings: WarningCode[] }
  | { ok: false; code: ErrorCode; normalized?: string };

export function pass(normalized: string, warnings: WarningCode[] = []): Verdict {
  return { ok: true, normalized, warnings };
}

export function fail(code: ErrorCode, normalized?: string): Verdict {
  return normalized === undefined || normalized === "" ? { ok: false, code } : { ok: false, code, normalized };
}
