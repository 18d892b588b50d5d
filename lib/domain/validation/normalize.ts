/**
 * Normalisation before any check (DOMAIN.md §1). Pure string functions; idempotent.
 */

/** Full-width ASCII block U+FF01–U+FF5E (！…～, incl. ０-９ Ａ-Ｚ ａ-ｚ （ ） － ＋). */
const FULLWIDTH_RE = /[\uFF01-\uFF5E]/g;
/** Whitespace (JS `\s` covers tab, NBSP, U+3000 ideographic space, U+FEFF) plus zero-width characters. */
const ID_SPACE_RE = /[\s\u200B-\u200D\u2060]+/g;
/** Zero-width characters pasted from chats / documents (ZWJ/ZWNJ kept in names). */
const NAME_INVISIBLE_RE = /[\u200B\u2060\uFEFF]/g;
/** Hyphen look-alikes pasted from word processors: ‐ ‑ ‒ – — ― − ﹣. */
const DASH_LOOKALIKE_RE = /[\u2010-\u2015\u2212\uFE63]/g;

const HAS_FULLWIDTH_RE = /[\uFF01-\uFF5E]/;

export function foldFullWidth(s: string): string {
  // Most text has none: a test is cheaper than a replace with a callback (decision 039).
  if (!HAS_FULLWIDTH_RE.test(s)) return s;
  return s.replace(FULLWIDTH_RE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const HYPHENS_RE = /-+/g;
const LOWER_ASCII_RE = /[a-z]+/g;
const NAME_SPACE_RE = /\s+/g;
const toUpper = (m: string) => m.toUpperCase();

/** True if s[from, to) is ASCII digits only (true for an empty range). */
export function isAsciiDigits(s: string, from = 0, to = s.length): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True if s is ASCII digits and upper-case ASCII letters only (true for ""). */
export function isDigitsOrUpperAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 90 || (c > 57 && c < 65)) return false;
  }
  return true;
}

export type IdentifierNormalizeOptions = {
  /** Keep `-` (needed where its position matters, e.g. fixed-line area code). Default false. */
  keepHyphens?: boolean;
  /** Upper-case ASCII letters. Default true; merchant numbers and terminal IDs are case-significant. */
  upperCase?: boolean;
};

/**
 * Fold full-width ASCII to ASCII, remove all whitespace (incl. U+3000) and `-`, upper-case a–z.
 * Only ASCII letters are upper-cased, so e.g. `ı` or `ſ` can never turn into a valid `I`/`S`.
 */
export function normalizeIdentifier(raw: string, options: IdentifierNormalizeOptions = {}): string {
  if (typeof raw !== "string") return "";
  // Digits and upper-case ASCII letters only: no step below changes them (decision 039).
  if (isDigitsOrUpperAscii(raw)) return raw;
  let s = foldFullWidth(raw).replace(ID_SPACE_RE, "").replace(DASH_LOOKALIKE_RE, "-");
  if (options.keepHyphens !== true) s = s.replace(HYPHENS_RE, "");
  if (options.upperCase !== false) s = s.replace(LOWER_ASCII_RE, toUpper);
  return s;
}

/**
 * Names (account name, merchant name): trim, collapse inner whitespace to one space, fold full-width
 * ASCII incl. the brackets （） to ( ). Chinese characters are never changed.
 */
export function normalizeName(raw: string): string {
  if (typeof raw !== "string") return "";
  if (isNormalName(raw)) return raw;
  return foldFullWidth(raw.replace(NAME_INVISIBLE_RE, "")).replace(NAME_SPACE_RE, " ").trim();
}

/**
 * True if normalizeName has nothing to do: no invisible or full-width character, and no whitespace
 * but single ASCII spaces between other characters. Anything doubtful (any control character,
 * U+180E) says false and takes the full path.
 */
function isNormalName(raw: string): boolean {
  const last = raw.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = raw.charCodeAt(i);
    if (c > 32 && c < 0xa0) continue;
    if (c === 32) {
      if (i === 0 || i === last || raw.charCodeAt(i - 1) === 32) return false;
      continue;
    }
    if (c < 32) return false;
    if (
      c === 0xa0 || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 ||
      c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff || (c >= 0xff01 && c <= 0xff5e)
    ) {
      return false;
    }
  }
  return true;
}
