/**
 * The three fields a plain row's scan checks itself (plain-rows.ts, decision 045): its time, amount
 * and reference, each in the one form whose meaning the database computes exactly as parseRow does.
 */
import { daysFromCivil as civilDays, daysInMonth as monthDays, MAX_REFERENCE_LENGTH as MAX_REFERENCE } from "./row";

const DASH = 0x2d;
// Module constants, not imported bindings, in what runs for every row: a bundler reads those through a getter.
const daysInMonth = monthDays;
const daysFromCivil = civilDays;
const MAX_REFERENCE_LENGTH = MAX_REFERENCE;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function digits(b: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    if (!isDigit(b[i]!)) return -1;
    value = value * 10 + b[i]! - 0x30;
  }
  return value;
}

/**
 * Exactly "YYYY-MM-DD HH:mm:ss", a real instant, year 1000 or later: parseRow reads it at +08:00,
 * and the database as `::timestamp - 8 hours`; in this one form its text sorts as its time does.
 */
export function plainTime(b: Uint8Array, length: number): boolean {
  return !Number.isNaN(plainTimeMs(b, length));
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The instant of a plain time (plainTime), epoch milliseconds; NaN when it is not plain. */
export function plainTimeMs(b: Uint8Array, length: number): number {
  if (length !== 19 || b[4] !== DASH || b[7] !== DASH || b[10] !== 0x20 || b[13] !== 0x3a || b[16] !== 0x3a) return NaN;
  const y = digits(b, 0, 4), mo = digits(b, 5, 2), d = digits(b, 8, 2), h = digits(b, 11, 2), mi = digits(b, 14, 2), s = digits(b, 17, 2);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h < 0 || mi < 0 || s < 0) return NaN;
  if (d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return NaN;
  return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000 - BEIJING_OFFSET_MS;
}

/** `-?\d{1,10}(\.\d{1,2})?` in ASCII: parseAmountFen's value is the database's `::numeric * 100`. */
export function plainAmount(b: Uint8Array, length: number): boolean {
  return !Number.isNaN(plainAmountFen(b, length));
}

/** The fen of a plain amount (plainAmount), as parseAmountFen reads it; NaN when it is not plain. */
export function plainAmountFen(b: Uint8Array, length: number): number {
  const negative = b[0] === DASH;
  let i = negative ? 1 : 0;
  const intStart = i;
  let yuan = 0;
  while (i < length && isDigit(b[i]!)) yuan = yuan * 10 + b[i++]! - 0x30;
  if (i === intStart || i - intStart > 10) return NaN;
  let cents = 0;
  if (i < length) {
    if (b[i] !== 0x2e) return NaN;
    const fracStart = ++i;
    while (i < length && isDigit(b[i]!)) cents = cents * 10 + b[i++]! - 0x30;
    if (i !== length || i === fracStart || i - fracStart > 2) return NaN;
    if (i - fracStart === 1) cents *= 10;
  }
  const fen = yuan * 100 + cents;
  return negative && fen !== 0 ? -fen : fen;
}

/**
 * 1–64 printable ASCII characters, no space: parseRow keeps such a reference as it is. No run of 13
 * digits joined by single dashes either: whether such a run is a card number is the reader's call.
 */
export function plainReference(b: Uint8Array, length: number): boolean {
  if (length < 1 || length > MAX_REFERENCE_LENGTH) return false;
  let run = 0;
  for (let i = 0; i < length; i++) {
    const c = b[i]!;
    if (c <= 0x20 || c >= 0x7f) return false;
    if (isDigit(c)) {
      if (++run >= 13) return false;
    } else if (!(c === DASH && run > 0 && i + 1 < length && isDigit(b[i + 1]!))) {
      run = 0;
    }
  }
  return true;
}
