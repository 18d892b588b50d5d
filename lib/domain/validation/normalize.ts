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

const PLAIN_IDENTIFIER_RE = /^[0-9A-Z]*$/;

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
  if (PLAIN_IDENTIFIER_RE.test(raw)) return raw;
  let s = foldFullWidth(raw).replace(ID_SPACE_RE, "").replace(DASH_LOOKALIKE_RE, "-");
  if (options.keepHyphens !== true) s = s.replace(/-+/g, "");
  if (options.upperCase !== false) s = s.replace(/[a-z]+/g, (m) => m.toUpperCase());
  return s;
}

/**
 * Names (account name, merchant name): trim, collapse inner whitespace to one space, fold full-width
 * ASCII incl. the brackets （） to ( ). Chinese characters are never changed.
 */
export function normalizeName(raw: string): string {
  if (typeof raw !== "string") return "";
  return foldFullWidth(raw.replace(NAME_INVISIBLE_RE, "")).replace(/\s+/g, " ").trim();
}
