/**
 * A byte scan that certifies a transaction file "plain" (decision 045): every data row is one
 * physical line of exactly the header's fields, in RFC 4180 quoting PostgreSQL's COPY reads the
 * same way, and its time, amount and reference are in the one form each whose meaning the database
 * computes exactly as parseRow does. Such a file can be copied by PostgreSQL as text; any other goes
 * through the app's reader. The scan decodes nothing and makes no strings: it runs beside the COPY.
 *
 * Terminal, merchant, payee and account are not looked at here: they are validated by the domain
 * once per distinct value, when the copied rows are grouped.
 */
import { MAX_FIELD_LENGTH } from "./decode";
import type { HeaderMap } from "./header";
import { FIELD_HASH_PRIME, FIELD_HASH_SEED, KEY_FIELDS, type PlainGrouper } from "./plain-groups";
import { plainAmountFen as amountFen, plainReference as reference, plainTimeMs as timeMs } from "./plain-fields";
import { MAX_REFERENCE_LENGTH } from "./row";

export type PlainVerdict = { plain: true; rows: number } | { plain: false; line: number; why: NotPlainReason };

export type NotPlainReason =
  | "fieldCount" | "fieldLength" | "emptyLine" | "newlineInQuotes" | "strayQuote" | "lineEnd" | "nulByte" | "unterminatedQuote"
  | "time" | "amount" | "reference";

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
// Module constants, not imported bindings, in the per-byte loops: a bundler reads those through a getter.
const SEED = FIELD_HASH_SEED;
const PRIME = FIELD_HASH_PRIME;
const MAX_QUOTED = MAX_FIELD_LENGTH;
const plainTimeMs = timeMs;
const plainAmountFen = amountFen;
const plainReference = reference;

/** Bytes that end a run of a field's ordinary bytes, outside quotes and inside them (a comma is text there). */
const STOPS_OUTSIDE = stops([0, QUOTE, COMMA, CR, LF]);
const STOPS_INSIDE = stops([0, QUOTE, CR, LF]);

function stops(bytes: number[]): Uint8Array {
  const table = new Uint8Array(256);
  for (const b of bytes) table[b] = 1;
  return table;
}

type Special = "time" | "amount" | "reference";

/** The longest special field kept for its check: a reference; a longer one is refused before. */
const FIELD_BUFFER = MAX_REFERENCE_LENGTH + 1;
/**
 * Bytes of a terminal, merchant, payee or account kept for grouping. Longer ones are not plain: no
 * such value is valid (a payee name is at most 100 characters), and the reader says so.
 */
export const MAX_KEY_FIELD_BYTES = 1024;

export class PlainRowScanner {
  private readonly special: (Special | undefined)[];
  private readonly fieldCount: number;
  private line = 1;
  private rows = 0;
  private inHeader = true;
  private crlf: boolean | undefined;
  private failed: { line: number; why: NotPlainReason } | undefined;
  // The field being scanned.
  private field = 0;
  private length = 0;
  private quoted = false;
  private inQuotes = false;
  private closedQuote = false;
  private sawCR = false;
  private readonly buffer = new Uint8Array(FIELD_BUFFER);
  // Grouping (with a grouper): the row's key fields by slot (terminal, merchant, payee, account).
  private readonly slot: Int8Array;
  /** Slot i's bytes at [i * MAX_KEY_FIELD_BYTES, + keyLengths[i]). */
  private readonly key = new Uint8Array(KEY_FIELDS * MAX_KEY_FIELD_BYTES);
  private readonly keyLengths = new Int32Array(KEY_FIELDS);
  /** Each key field's hash (FIELD_HASH_SEED), made as its bytes are kept; `hash` the current field's. */
  private readonly keyHashes = new Int32Array(KEY_FIELDS);
  private hash = SEED;
  private rowAt = 0;
  private rowFen = 0;

  constructor(header: HeaderMap, fieldCount: number, private readonly grouper?: PlainGrouper) {
    this.fieldCount = fieldCount;
    this.special = Array.from({ length: fieldCount }, () => undefined);
    this.special[header.positions.transaction_time] = "time";
    this.special[header.positions.amount] = "amount";
    this.special[header.positions.reference] = "reference";
    this.slot = new Int8Array(fieldCount).fill(-1);
    if (grouper) {
      const { terminal_id, merchant_no, payee_name, settlement_account } = header.positions;
      [terminal_id, merchant_no, payee_name, settlement_account].forEach((position, slot) => (this.slot[position] = slot));
    }
  }

  /** Data rows scanned whole so far. */
  get rowsSoFar(): number {
    return this.rows;
  }

  /** Scans the next bytes of the file (from its first byte, header included); false once not plain. */
  feed(bytes: Uint8Array): boolean {
    if (this.failed) return false;
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      // A field's ordinary bytes in a tight loop; each other byte through byte(), which decides.
      if (!this.sawCR && !this.closedQuote) {
        i = this.ordinary(bytes, i);
        if (this.inQuotes && this.length > MAX_QUOTED) return this.fail("fieldLength");
        if (i === n) break;
      }
      if (!this.byte(bytes[i]!)) return false;
      i++;
    }
    return true;
  }

  /** Keeps the bytes from `i` up to the first that is not ordinary text where the scan is; returns its index. */
  private ordinary(bytes: Uint8Array, i: number): number {
    const n = bytes.length;
    const stop = this.inQuotes ? STOPS_INSIDE : STOPS_OUTSIDE;
    let length = this.length;
    const slot = this.field < this.fieldCount ? this.slot[this.field]! : -1;
    if (slot >= 0) {
      const key = this.key;
      const base = slot * MAX_KEY_FIELD_BYTES;
      let hash = this.hash;
      for (; i < n; i++) {
        const c = bytes[i]!;
        if (stop[c] !== 0) break;
        if (length < MAX_KEY_FIELD_BYTES) key[base + length] = c;
        hash = Math.imul(hash ^ c, PRIME);
        length++;
      }
      this.hash = hash;
    } else {
      const buffer = this.buffer;
      for (; i < n; i++) {
        const c = bytes[i]!;
        if (stop[c] !== 0) break;
        if (length < FIELD_BUFFER) buffer[length] = c;
        length++;
      }
    }
    this.length = length;
    return i;
  }

  end(): PlainVerdict {
    if (!this.failed) {
      if (this.inQuotes) this.fail("unterminatedQuote");
      else if (this.sawCR) this.fail("lineEnd");
      // A last line without a line end.
      else if (!this.inHeader && (this.field > 0 || this.length > 0 || this.quoted)) this.endRow();
    }
    return this.failed ? { plain: false, ...this.failed } : { plain: true, rows: this.rows };
  }

  private fail(why: NotPlainReason): false {
    this.failed = { line: this.line, why };
    return false;
  }

  private byte(c: number): boolean {
    if (c === 0) return this.fail("nulByte");
    if (this.sawCR) {
      if (c !== LF) return this.fail("lineEnd");
      this.sawCR = false;
      return this.lineEnd(true);
    }
    if (this.inQuotes) {
      if (c === QUOTE) {
        this.inQuotes = false;
        this.closedQuote = true;
      } else if (c === CR || c === LF) {
        return this.fail("newlineInQuotes");
      } else {
        this.keep(c);
        // The reader takes a quoted field this long for a missing closing quote. Bytes are never
        // fewer than its UTF-16 units, so within this many bytes it is within the reader's limit.
        if (this.length > MAX_QUOTED) return this.fail("fieldLength");
      }
      return true;
    }
    if (this.closedQuote) {
      this.closedQuote = false;
      if (c === QUOTE) {
        // "" inside a quoted field: one quote.
        this.inQuotes = true;
        this.keep(c);
        return this.length <= MAX_QUOTED || this.fail("fieldLength");
      }
      if (c !== COMMA && c !== CR && c !== LF) return this.fail("strayQuote");
    }
    if (c === COMMA) {
      if (!this.inHeader && !this.endField()) return false;
      this.field++;
      this.length = 0;
      this.hash = SEED;
      this.quoted = false;
      return true;
    }
    if (c === CR) {
      this.sawCR = true;
      return true;
    }
    if (c === LF) return this.lineEnd(false);
    if (c === QUOTE) {
      if (this.length > 0 || this.quoted) return this.fail("strayQuote");
      this.quoted = true;
      this.inQuotes = true;
      return true;
    }
    this.keep(c);
    return true;
  }

  private keep(c: number) {
    const slot = this.field < this.fieldCount ? this.slot[this.field]! : -1;
    if (slot >= 0) {
      if (this.length < MAX_KEY_FIELD_BYTES) this.key[slot * MAX_KEY_FIELD_BYTES + this.length] = c;
      this.hash = Math.imul(this.hash ^ c, PRIME);
    } else if (this.length < FIELD_BUFFER) {
      this.buffer[this.length] = c;
    }
    this.length++;
  }

  /** A line feed outside quotes; `crlf` when a carriage return came just before it. */
  private lineEnd(crlf: boolean): boolean {
    // COPY takes the header's line end for the whole file.
    if (this.crlf === undefined) this.crlf = crlf;
    else if (this.crlf !== crlf) return this.fail("lineEnd");
    if (this.inHeader) {
      this.inHeader = false;
      this.resetRow();
      this.line++;
      return true;
    }
    if (!this.endRow()) return false;
    this.line++;
    return true;
  }

  private endRow(): boolean {
    if (this.field === 0 && this.length === 0 && !this.quoted) return this.fail("emptyLine");
    if (!this.endField()) return false;
    if (this.field + 1 !== this.fieldCount) return this.fail("fieldCount");
    this.grouper?.add(this.key, this.keyLengths, this.rowAt, this.rowFen, this.rows, this.keyHashes);
    this.rows++;
    this.resetRow();
    return true;
  }

  private resetRow() {
    this.field = 0;
    this.length = 0;
    this.hash = SEED;
    this.quoted = false;
  }

  private endField(): boolean {
    if (this.field >= this.fieldCount) return this.fail("fieldCount");
    const slot = this.slot[this.field]!;
    if (slot >= 0) {
      if (this.length > MAX_KEY_FIELD_BYTES) return this.fail("fieldLength");
      this.keyLengths[slot] = this.length;
      this.keyHashes[slot] = this.hash;
      return true;
    }
    const special = this.special[this.field];
    if (special === undefined) return true;
    // The special fields are never quoted in plain rows: their plain forms need no quotes.
    if (this.quoted) return this.fail(special);
    if (special === "time") {
      this.rowAt = plainTimeMs(this.buffer, this.length);
      return !Number.isNaN(this.rowAt) || this.fail(special);
    }
    if (special === "amount") {
      this.rowFen = plainAmountFen(this.buffer, this.length);
      return !Number.isNaN(this.rowFen) || this.fail(special);
    }
    return plainReference(this.buffer, this.length) || this.fail(special);
  }
}
