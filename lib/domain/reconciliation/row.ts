/**
 * One data row of a transaction / settlement file → a typed record or its problems
 * (docs/reconciliation-file-format.md). Problems carry i18n message keys.
 */
import { checkField } from "@/lib/domain/validation";
import { foldFullWidth, isAsciiDigits, normalizeName } from "@/lib/domain/validation/normalize";
import type { Column, HeaderMap } from "./header";

/** The receiving account as the host shows it: only last4 is always known. `full` is for a blind index, never stored. */
export type SettlementAccount = { last4: string; full?: string; maskedPrefix?: string };

export type TransactionRecord = {
  transactionAt: Date;
  terminalId: string;
  merchantNo: string;
  payeeName: string;
  account: SettlementAccount;
  /** Amount in fen (0.01 yuan); negative for refunds. */
  amountFen: number;
  reference: string;
};

export type RowProblem = { field: Column | "_row"; key: string; code?: string };

export type RowResult = { ok: true; record: TransactionRecord } | { ok: false; problems: RowProblem[] };

export const MAX_PAYEE_NAME_LENGTH = 100;
export const MAX_REFERENCE_LENGTH = 64;
/** Beijing time has had no daylight saving since 1991: a zone-less time is read at +08:00. */
const SHANGHAI_OFFSET = "+08:00";
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const TIME_RE =
  /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/;

/** ISO 8601 with an offset, or "YYYY-MM-DD HH:mm:ss" (also with `/`) read as Asia/Shanghai. */
export function parseTransactionTime(raw: string): Date | null {
  const plain = plainBeijingTime(raw);
  if (plain !== null) return plain;
  const m = TIME_RE.exec(foldFullWidth(raw).trim());
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac = "", zone] = m;
  const offset = zone === undefined ? SHANGHAI_OFFSET : zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  if (offset !== "Z" && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59)) return null;
  const ms = frac === "" ? 0 : Number(frac.slice(1, 4).padEnd(3, "0"));
  return wallClockAt(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms, offsetMinutes(offset));
}

/**
 * The wall clock by arithmetic, not by parsing a built ISO string nor through Date setters (decision
 * 039): no Date is made for a refused time, and years 0–99 stay years 0–99 (Date.UTC would read them
 * as 1900–1999). Out-of-range fields (2026-02-30, 24:00:00, :60) are refused, not rolled over.
 * `ms` is 0–999 and `offset` is minutes east of UTC.
 */
export function wallClockAt(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const time = daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
  return new Date(time - offset * 60_000);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (the one Date uses), `mo` 1–12. */
export function daysInMonth(y: number, mo: number): number {
  if (mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) return 29;
  return DAYS_IN_MONTH[mo - 1]!;
}

/** Days from 1970-01-01 to a valid proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, mo: number, d: number): number {
  const year = mo <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** "YYYY-MM-DD HH:mm:ss" exactly, in ASCII (the commonest host form) without a regex; else null. */
function plainBeijingTime(raw: string): Date | null {
  if (raw.length !== 19) return null;
  const sep = raw.charCodeAt(4);
  if ((sep !== 45 && sep !== 47) || (raw.charCodeAt(7) !== 45 && raw.charCodeAt(7) !== 47)) return null;
  if ((raw.charCodeAt(10) !== 32 && raw.charCodeAt(10) !== 84) || raw.charCodeAt(13) !== 58 || raw.charCodeAt(16) !== 58) return null;
  const y = digitsAt(raw, 0, 4);
  const mo = digitsAt(raw, 5, 2);
  const d = digitsAt(raw, 8, 2);
  const h = digitsAt(raw, 11, 2);
  const mi = digitsAt(raw, 14, 2);
  const s = digitsAt(raw, 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return null;
  return wallClockAt(y, mo, d, h, mi, s, 0, SHANGHAI_OFFSET_MINUTES);
}

// A module-level function, not a closure per call: a transform's keepNames wraps every closure made.
/** The ASCII digits raw[at, at+length) as a number, or -1 if any is not a digit. */
function digitsAt(raw: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function offsetMinutes(offset: string): number {
  if (offset === "Z") return 0;
  const sign = offset[0] === "-" ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/**
 * Yuan with at most 2 decimals, optional leading minus (refund); no thousands separators or currency signs.
 * At most 10 integer digits: with 2 decimals no amount can look like a 13-digit card number.
 */
export function parseAmountFen(raw: string): number | null {
  // By char code, as /^(-?)(\d{1,10})(?:\.(\d{1,2}))?$/ reads it (no match array per row).
  const s = foldFullWidth(raw).trim();
  const negative = s.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  const intStart = i;
  let yuan = 0;
  for (let digit = s.charCodeAt(i) - 48; digit >= 0 && digit <= 9; digit = s.charCodeAt(++i) - 48) yuan = yuan * 10 + digit;
  if (i === intStart || i - intStart > 10) return null;
  let cents = 0;
  if (i < s.length) {
    if (s.charCodeAt(i) !== 46) return null;
    const fracStart = ++i;
    for (let digit = s.charCodeAt(i) - 48; digit >= 0 && digit <= 9; digit = s.charCodeAt(++i) - 48) cents = cents * 10 + digit;
    if (i !== s.length || i === fracStart || i - fracStart > 2) return null;
    if (i - fracStart === 1) cents *= 10;
  }
  const fen = yuan * 100 + cents;
  return negative && fen !== 0 ? -fen : fen;
}

const ACCOUNT_SEPARATORS_RE = /[\s\-]+/g;

/** Full: 8–30 digits. Masked: up to 6 leading digits, 2+ mask characters (* x X •), the last 4 digits. */
export function parseSettlementAccount(raw: string): SettlementAccount | null {
  const s = foldFullWidth(raw).replace(ACCOUNT_SEPARATORS_RE, "");
  // By char code, as /^\d{8,30}$/ then /^(\d{0,6})[*xX•]{2,}(\d{4})$/ read it: digits and mask
  // characters are disjoint, so each run's length decides.
  let prefix = 0;
  while (prefix < s.length && isAsciiDigit(s.charCodeAt(prefix))) prefix++;
  if (prefix === s.length) return prefix >= 8 && prefix <= 30 ? { last4: s.slice(-4), full: s } : null;
  if (prefix > 6) return null;
  let maskEnd = prefix;
  while (maskEnd < s.length && isMask(s.charCodeAt(maskEnd))) maskEnd++;
  if (maskEnd - prefix < 2 || s.length - maskEnd !== 4 || !isAsciiDigits(s, maskEnd)) return null;
  const last4 = s.slice(maskEnd);
  return prefix === 0 ? { last4 } : { last4, maskedPrefix: s.slice(0, prefix) };
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** * x X • */
function isMask(c: number): boolean {
  return c === 42 || c === 120 || c === 88 || c === 0x2022;
}

const expectedByHeader = new WeakMap<HeaderMap, number>();
/** Fields a row needs to reach every column, once per header rather than once per row. */
function fieldsExpected(header: HeaderMap): number {
  let expected = expectedByHeader.get(header);
  if (expected === undefined) {
    expected = Math.max(...Object.values(header.positions)) + 1;
    expectedByHeader.set(header, expected);
  }
  return expected;
}

export function parseRow(fields: readonly string[], header: HeaderMap): RowResult {
  const { positions } = header;
  const problems: RowProblem[] = [];
  const expected = fieldsExpected(header);
  if (fields.length < expected) {
    return { ok: false, problems: [{ field: "_row", key: "reconciliation.row.tooFewFields" }] };
  }

  const transactionAt = parseTransactionTime(fields[positions.transaction_time] ?? "");
  if (transactionAt === null) problems.push({ field: "transaction_time", key: "reconciliation.row.badTime" });

  const terminal = checkField("terminalId", fields[positions.terminal_id] ?? "");
  if (!terminal.ok) problems.push({ field: "terminal_id", key: "reconciliation.row.badTerminalId", code: terminal.code });

  const merchant = checkField("merchantNo", fields[positions.merchant_no] ?? "");
  if (!merchant.ok) problems.push({ field: "merchant_no", key: "reconciliation.row.badMerchantNo", code: merchant.code });

  const payeeName = normalizeName(fields[positions.payee_name] ?? "");
  if (payeeName === "") problems.push({ field: "payee_name", key: "reconciliation.row.payeeNameRequired" });
  else if (payeeName.length > MAX_PAYEE_NAME_LENGTH) problems.push({ field: "payee_name", key: "reconciliation.row.payeeNameTooLong" });

  const account = parseSettlementAccount(fields[positions.settlement_account] ?? "");
  if (account === null) problems.push({ field: "settlement_account", key: "reconciliation.row.badAccount" });

  const amountFen = parseAmountFen(fields[positions.amount] ?? "");
  if (amountFen === null) problems.push({ field: "amount", key: "reconciliation.row.badAmount" });

  const reference = foldFullWidth(fields[positions.reference] ?? "").trim();
  if (reference === "") problems.push({ field: "reference", key: "reconciliation.row.referenceRequired" });
  else if (reference.length > MAX_REFERENCE_LENGTH || hasControlCharacter(reference)) {
    problems.push({ field: "reference", key: "reconciliation.row.badReference" });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    record: {
      transactionAt: transactionAt!,
      terminalId: terminal.normalized!,
      merchantNo: merchant.normalized!,
      payeeName,
      account: account!,
      amountFen: amountFen!,
      reference,
    },
  };
}

/** Any of U+0000–U+001F or U+007F. */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}
