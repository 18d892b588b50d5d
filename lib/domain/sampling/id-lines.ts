/**
 * A population's ids read by position: an array, or the ids as one text with one id per line,
 * exactly as the database aggregates them. A million-id text is indexed by where its lines start
 * rather than split into a million strings; only the drawn ids ever become strings (decision 040).
 */
export type IdList = { readonly length: number; at(index: number): string | undefined };

export class IdLines implements IdList, Iterable<string> {
  readonly length: number;

  private constructor(
    /** The ids joined by "\n": the text the population hash is taken over. */
    readonly text: string,
    /** Where line i starts; one more entry, one past the end, so line i ends at starts[i + 1] - 1. */
    private readonly starts: Uint32Array,
  ) {
    this.length = starts.length - 1;
  }

  /** Ids may not contain "\n"; "" is one empty id (callers treat no population apart). */
  static of(text: string): IdLines {
    let lines = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    const starts = new Uint32Array(lines + 1);
    let line = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts[line++] = i + 1;
    starts[lines] = text.length + 1;
    return new IdLines(text, starts);
  }

  /** The id at a whole position 0 … length − 1 (no counting from the end, unlike Array's). */
  at(index: number): string | undefined {
    if (!(Number.isInteger(index) && index >= 0 && index < this.length)) return undefined;
    return this.text.slice(this.starts[index]!, this.starts[index + 1]! - 1);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /** firstNotAscending, comparing the lines in place: no id becomes a string. */
  firstNotAscending(): number {
    const { text, starts } = this;
    for (let i = 1; i < this.length; i++) {
      let a = starts[i - 1]!;
      let b = starts[i]!;
      const aEnd = b - 1;
      const bEnd = starts[i + 1]! - 1;
      let decided = false;
      for (; a < aEnd && b < bEnd; a++, b++) {
        const ca = text.charCodeAt(a);
        const cb = text.charCodeAt(b);
        if (ca === cb) continue;
        if (ca > cb) return i;
        decided = true;
        break;
      }
      // One id is a prefix of the other: ascending only if the earlier one is the shorter.
      if (!decided && aEnd - starts[i - 1]! >= bEnd - starts[i]!) return i;
    }
    return -1;
  }
}

/**
 * The first position whose id is not above the one before it in code-unit order (JavaScript's
 * `<` on strings, never a locale), or -1 when the ids are unique and ascending: canonical.
 */
export function firstNotAscending(ids: IdList): number {
  if (ids instanceof IdLines) return ids.firstNotAscending();
  for (let i = 1; i < ids.length; i++) if (!(ids.at(i - 1)! < ids.at(i)!)) return i;
  return -1;
}
