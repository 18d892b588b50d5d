import "server-only";

// Readers for the population's columns as selectPopulation receives them: one text value per
// column, one line per merchant. At a million lines, cutting the text into a million strings
// costs more than the database's whole scan, so these read the text in place.

/**
 * The numbers of a text with one per line, as PostgreSQL prints float8. Whole numbers are read
 * digit by digit (a million Number() calls on substrings cost more than the rest of the read);
 * any other line (a fraction, an exponent) goes through Number.
 */
export function numbersOf(text: string, count: number): Float64Array {
  const numbers = new Float64Array(count);
  let n = 0;
  let start = 0;
  let value = 0;
  let whole = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10) {
      if (n === count) throw new Error(`expected ${count} numbers, got more`);
      numbers[n++] = i === start ? Number.NaN : whole ? value : Number(text.slice(start, i));
      start = i + 1;
      value = 0;
      whole = true;
    } else if (c >= 48 && c <= 57 && i - start < 15) value = value * 10 + (c - 48);
    else whole = false;
  }
  if (n !== count) throw new Error(`expected ${count} numbers, got ${n}`);
  return numbers;
}

/** A column of a few distinct values, as small integers: `codes[i]` is line i's index in `names`. */
export type CodedColumn = { names: string[]; codes: Uint32Array };

/**
 * The lines of a text with one per line and few distinct values (the makers of a population),
 * coded by first appearance. Each line is hashed in place (FNV-1a over its code units) and
 * compared with the names of that hash, so only the distinct values become strings.
 */
export function codesOf(text: string, count: number): CodedColumn {
  const names: string[] = [];
  const codes = new Uint32Array(count);
  const byHash = new Map<number, number[]>();
  let n = 0;
  let start = 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10) {
      hash = Math.imul(hash ^ c, 0x01000193);
      continue;
    }
    if (n === count) throw new Error(`expected ${count} lines, got more`);
    const length = i - start;
    const candidates = byHash.get(hash);
    let code = candidates?.find((k) => names[k]!.length === length && text.startsWith(names[k]!, start));
    if (code === undefined) {
      code = names.length;
      names.push(text.slice(start, i));
      if (candidates) candidates.push(code);
      else byHash.set(hash, [code]);
    }
    codes[n++] = code;
    start = i + 1;
    hash = 0x811c9dc5;
  }
  if (n !== count) throw new Error(`expected ${count} lines, got ${n}`);
  return { names, codes };
}
