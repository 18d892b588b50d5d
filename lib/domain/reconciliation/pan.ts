/**
 * Full card number (PAN) detection — a file containing one is refused whole (we never store PANs).
 * The rule and why settlement_account is exempt: docs/decisions/017-reconciliation-file-pan-rule.md.
 */
import { luhnValid } from "@/lib/domain/validation/bank-card";
import { checkField } from "@/lib/domain/validation";
import { foldFullWidth, isAsciiDigits } from "@/lib/domain/validation/normalize";
import type { HeaderMap } from "./header";

/** Digits joined by at most one space or dash: "6222 0212 3456 7890", "6222-0212-…", "6222021234567890". */
const DIGIT_RUN_RE = /\d(?:[ \-]?\d)*/g;

/**
 * True if `text` holds a card-number-shaped run: 13–19 digits (spaces/dashes between digits allowed),
 * not starting with 0 (no issuer number starts with 0 — ISO/IEC 7812 MII), passing Luhn.
 * Runs longer than 19 digits are not card numbers, but each unseparated group inside is checked.
 */
export function containsPan(text: string): boolean {
  // The common case, without regexes or Luhn: no run of DIGIT_RUN_RE's shape reaches 13 digits.
  if (!hasThirteenDigitRun(text)) return false;
  // Only ASCII digits (a merchant number, a reference): the one run DIGIT_RUN_RE finds is the whole text.
  if (isAsciiDigits(text)) return isPanDigits(text);
  const folded = foldFullWidth(text);
  for (const match of folded.matchAll(DIGIT_RUN_RE)) {
    const run = match[0];
    const groups = run.split(/[ \-]/);
    const candidates = groups.length === 1 ? groups : [run.replace(/[ \-]/g, ""), ...groups];
    if (candidates.some(isPanDigits)) return true;
  }
  return false;
}

const isDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
/** What DIGIT_RUN_RE accepts between two digits once full-width is folded: " ", "-" or "－". */
const isJoiner = (c: number) => c === 32 || c === 45 || c === 0xff0d;

/**
 * A run of at least 13 digits (ASCII or full-width) joined by at most one space or dash each, as
 * DIGIT_RUN_RE matches on the folded text: every candidate containsPan checks lies inside such a run.
 */
function hasThirteenDigitRun(text: string): boolean {
  if (text.length < 13) return false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (++run >= 13) return true;
    } else if (!(run > 0 && isJoiner(c) && i + 1 < text.length && isDigit(text.charCodeAt(i + 1)))) {
      run = 0;
    }
  }
  return false;
}

function isPanDigits(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && digits[0] !== "0" && luhnValid(digits);
}

/**
 * 0-based positions of the fields in a data row that hold a PAN. settlement_account is exempt (it is
 * the merchant's own receiving account); merchant_no is exempt only when it is a valid merchant number
 * (15 digits can pass Luhn by chance).
 */
export function panPositions(fields: readonly string[], header: HeaderMap): number[] {
  const hits: number[] = [];
  for (let position = 0; position < fields.length; position++) {
    if (isPanField(fields[position]!, position, header)) hits.push(position);
  }
  return hits;
}

/** panPositions(fields, header).length > 0, without building the list (the reader asks this of every row). */
export function hasPanField(fields: readonly string[], header: HeaderMap): boolean {
  return fields.some((field, position) => isPanField(field, position, header));
}

function isPanField(field: string, position: number, header: HeaderMap): boolean {
  const { settlement_account, merchant_no } = header.positions;
  if (position === settlement_account) return false;
  if (!containsPan(field)) return false;
  return !(position === merchant_no && checkField("merchantNo", field).ok);
}
