/**
 * Streaming decode of a transaction file: bytes → text (UTF-8 with/without BOM, else GB18030) →
 * CSV records (RFC 4180: quoted fields may hold commas, quotes "" and newlines) with the physical
 * line number each record starts on. Memory stays bounded by one record.
 */

export type FileEncoding = "utf-8" | "gb18030";

export class FileRefusedError extends Error {
  constructor(
    readonly key: string,
    readonly lineNumber?: number,
    readonly detail?: Record<string, unknown>,
  ) {
    super(lineNumber === undefined ? key : `${key} (line ${lineNumber})`);
    this.name = "FileRefusedError";
  }
}

export type DecodeOptions = {
  /** Bytes looked at before deciding the encoding (the whole file if shorter). */
  sniffBytes?: number;
  /** Called once the encoding is decided. */
  onEncoding?: (encoding: FileEncoding) => void;
};

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The encoding is decided on the first `sniffBytes` (default 64 KiB): a BOM means UTF-8; otherwise
 * the window is validated as strict UTF-8 (a multibyte character cut at the window's end is not an
 * error), and GB18030 is assumed if that fails. If the window was all ASCII, the first non-UTF-8 byte
 * after it switches to GB18030 (onEncoding is called again); any other invalid byte refuses the file.
 */
export async function* decodeText(source: AsyncIterable<Uint8Array>, options: DecodeOptions = {}): AsyncGenerator<string> {
  const sniffBytes = options.sniffBytes ?? 64 * 1024;
  const pending: Uint8Array[] = [];
  let pendingLength = 0;
  let decoder: TextDecoder | undefined;
  // While every byte so far was ASCII (and there was no BOM), the choice is still open: ASCII reads the same in both.
  let allAscii = true;

  const decide = (): TextDecoder => {
    let bytes = concat(pending, pendingLength);
    pending.length = 0;
    const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
    if (hasBom) {
      bytes = bytes.subarray(3);
      allAscii = false;
    }
    let encoding: FileEncoding = "utf-8";
    if (!hasBom) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
      } catch {
        encoding = "gb18030";
      }
    }
    options.onEncoding?.(encoding);
    const chosen = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    pending.push(bytes);
    return chosen;
  };

  const feed = (bytes: Uint8Array, stream: boolean): string => {
    const wasAscii = allAscii;
    if (allAscii) allAscii = bytes.every((b) => b < 0x80);
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      if (wasAscii && decoder!.encoding === "utf-8") {
        // First non-ASCII byte after the sniff window and not UTF-8: nothing is pending in the
        // decoder (ASCII never is), so switching here is exact.
        decoder = new TextDecoder("gb18030", { fatal: true });
        options.onEncoding?.("gb18030");
        return feed(bytes, stream);
      }
      throw new FileRefusedError("reconciliation.file.badEncoding", undefined, { encoding: decoder!.encoding });
    }
  };

  for await (const chunk of source) {
    if (decoder === undefined) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength < sniffBytes) continue;
      decoder = decide();
      const text = feed(pending.pop()!, true);
      if (text !== "") yield text;
      continue;
    }
    const text = feed(chunk, true);
    if (text !== "") yield text;
  }
  if (decoder === undefined) {
    decoder = decide();
    const text = feed(pending.pop()!, true);
    if (text !== "") yield text;
  }
  const tail = feed(new Uint8Array(0), false);
  if (tail !== "") yield tail;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export type CsvRecord = {
  /** 1-based physical line the record starts on (a quoted newline makes a record span lines). */
  lineNumber: number;
  fields: string[];
  /** Set when the record breaks RFC 4180 (a stray quote); the fields are then best effort. */
  malformed?: "reconciliation.row.strayQuote";
};

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/** A quoted field longer than this is taken as a missing closing quote (it would swallow the file). */
export const MAX_FIELD_LENGTH = 4096;

/**
 * RFC 4180 record assembly over text chunks. Lines end in LF or CRLF; blank lines are skipped (they
 * are not rows). An unterminated quote refuses the file with the line it opened on.
 */
export async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  for await (const records of csvRecordBatches(text)) yield* records;
}

/**
 * csvRecords, one array per text chunk (the records that chunk completed): one async step per chunk
 * instead of one per record (decision 039). Before a refusal the records completed ahead of it are
 * still handed out, so the flattened sequence is exactly csvRecords'.
 */
export async function* csvRecordBatches(text: AsyncIterable<string>): AsyncGenerator<CsvRecord[]> {
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let afterQuote = false; // just closed a quoted field: a quote now is an escaped "" (inQuotes again)
  let malformed = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let pendingCr = false;

  const endRecord = (): CsvRecord | null => {
    fields.push(field);
    const record: CsvRecord | null =
      fields.length === 1 && fields[0] === "" && !malformed
        ? null
        : malformed
          ? { lineNumber: recordLine, fields, malformed: "reconciliation.row.strayQuote" }
          : { lineNumber: recordLine, fields };
    fields = [];
    field = "";
    afterQuote = false;
    malformed = false;
    return record;
  };

  for await (const chunk of text) {
    const records: CsvRecord[] = [];
    try {
      readChunk(chunk, records);
    } catch (err) {
      if (records.length > 0) yield records;
      throw err;
    }
    if (records.length > 0) yield records;
  }
  if (inQuotes) throw new FileRefusedError("reconciliation.file.unterminatedQuote", quoteLine);
  const last = endRecord();
  if (last !== null) yield [last];

  function readChunk(chunk: string, records: CsvRecord[]) {
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      const c = chunk.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (c === LF) {
          i++;
          continue; // CRLF already ended the record
        }
      }
      if (inQuotes) {
        // Everything up to the next quote is the field's text (newlines included).
        const quote = chunk.indexOf('"', i);
        const end = quote === -1 ? length : quote;
        const piece = chunk.slice(i, end);
        for (let n = piece.indexOf("\n"); n !== -1; n = piece.indexOf("\n", n + 1)) line++;
        field += piece;
        if (field.length > MAX_FIELD_LENGTH) throw new FileRefusedError("reconciliation.file.unterminatedQuote", quoteLine);
        if (quote !== -1) {
          inQuotes = false;
          afterQuote = true;
        }
        i = end + (quote === -1 ? 0 : 1);
        continue;
      }
      if (c === QUOTE) {
        if (afterQuote) {
          field += '"'; // "" inside a quoted field
          inQuotes = true;
          afterQuote = false;
        } else if (field === "") {
          inQuotes = true;
          quoteLine = line;
        } else {
          malformed = true;
          field += '"';
        }
        i++;
        continue;
      }
      if (c === COMMA) {
        fields.push(field);
        field = "";
        afterQuote = false;
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        const record = endRecord();
        if (record !== null) records.push(record);
        line++;
        recordLine = line;
        pendingCr = c === CR;
        i++;
        continue;
      }
      // Plain text: taken up to the next comma, quote or line end in one slice, not char by char.
      if (afterQuote) malformed = true; // text after a closing quote: "abc"def
      let end = i + 1;
      while (end < length) {
        const e = chunk.charCodeAt(end);
        if (e === COMMA || e === QUOTE || e === LF || e === CR) break;
        end++;
      }
      field += chunk.slice(i, end);
      i = end;
    }
  }
}
