/**
 * The payee name as compared (SPEC §3.9): trimmed, full-width ASCII folded, spaces collapsed, ASCII
 * case folded. Defined as one character map so the SQL side (`translate`) computes exactly the same
 * key for the approved names: payeeKeySql() mirrors payeeKey().
 */

/** Whitespace of every kind becomes a plain space (JS `\s` and PostgreSQL differ; this list is the rule). */
const SPACES = "\t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";
/** Zero-width characters pasted from chats and documents are dropped. */
const DROPPED = "\u200B\u2060\uFEFF";

function buildMap(): { from: string; to: string } {
  let from = "";
  let to = "";
  for (let c = 0xff01; c <= 0xff5e; c++) {
    from += String.fromCharCode(c);
    to += String.fromCharCode(c - 0xfee0).toLowerCase();
  }
  for (let c = 0x41; c <= 0x5a; c++) {
    from += String.fromCharCode(c);
    to += String.fromCharCode(c + 0x20);
  }
  from += SPACES;
  to += " ".repeat(SPACES.length);
  // Characters of `from` beyond the length of `to` are deleted by translate().
  return { from: from + DROPPED, to };
}

export const PAYEE_KEY_MAP = buildMap();
const charMap = new Map<string, string>([...PAYEE_KEY_MAP.from].map((c, i) => [c, PAYEE_KEY_MAP.to[i] ?? ""]));

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
/** A name with none of the mapped characters, no double space and no space at either end is its own key. */
const KEY_DIFFERS_RE = new RegExp(`[${[...PAYEE_KEY_MAP.from].map(hex).join("")}]| {2}|^ | $`);

export function payeeKey(name: string): string {
  if (!KEY_DIFFERS_RE.test(name)) return name;
  let out = "";
  for (const c of name) out += charMap.get(c) ?? c;
  return out.replace(/ {2,}/g, " ").replace(/^ +| +$/g, "");
}

/**
 * The same key in SQL for a column expression; `fromParam`/`toParam` are the placeholders bound to
 * PAYEE_KEY_MAP.from / .to (e.g. "$2", "$3").
 */
export function payeeKeySql(expr: string, fromParam: string, toParam: string): string {
  return `btrim(regexp_replace(translate(${expr}, ${fromParam}, ${toParam}), ' {2,}', ' ', 'g'), ' ')`;
}
