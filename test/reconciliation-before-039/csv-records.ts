// The CSV record reader as it was before decision 039 (one async step per record), kept only to
// check the batched reader against it on random input (reader-equivalence.test.ts).
import { FileRefusedError } from "@/lib/domain/reconciliation/decode";

export type CsvRecord = {
  /** 1-based physical line the record starts on (a quoted newline makes a record span lines). */
  lineNumber: number;
  fields: string[];
  /** Set when the record breaks RFC 4180 (a stray quote); the fields are then best effort. */
  malformed?: "reconciliation.row.strayQuote";
};

const PLAIN_END = /[,"\r\n]/g;

/** A quoted field longer than this is taken as a missing closing quote (it would swallow the file). */
const MAX_FIELD_LENGTH = 4096;

/**
 * RFC 4180 record assembly over text chunks. Lines end in LF or CRLF; blank lines are skipped (they
 * are not rows). An unterminated quote refuses the file with the line it opened on.
 */
export async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
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
        : { lineNumber: recordLine, fields, ...(malformed ? { malformed: "reconciliation.row.strayQuote" as const } : {}) };
    fields = [];
    field = "";
    afterQuote = false;
    malformed = false;
    return record;
  };

  for await (const chunk of text) {
    let i = 0;
    while (i < chunk.length) {
      const c = chunk[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (c === "\n") {
          i++;
          continue; // CRLF already ended the record
        }
      }
      if (inQuotes) {
        // Everything up to the next quote is the field's text (newlines included).
        const quote = chunk.indexOf('"', i);
        const end = quote === -1 ? chunk.length : quote;
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
      if (c === '"') {
        if (afterQuote) {
          field += '"'; // "" inside a quoted field
          inQuotes = true;
          afterQuote = false;
        } else if (field === "") {
          inQuotes = true;
          quoteLine = line;
        } else {
          malformed = true;
          field += c;
        }
        i++;
        continue;
      }
      if (c === ",") {
        fields.push(field);
        field = "";
        afterQuote = false;
        i++;
        continue;
      }
      if (c === "\n" || c === "\r") {
        const record = endRecord();
        if (record !== null) yield record;
        line++;
        recordLine = line;
        pendingCr = c === "\r";
        i++;
        continue;
      }
      // Plain text: taken up to the next comma, quote or line end in one slice, not char by char.
      if (afterQuote) malformed = true; // text after a closing quote: "abc"def
      PLAIN_END.lastIndex = i;
      const end = PLAIN_END.exec(chunk)?.index ?? chunk.length;
      field += chunk.slice(i, end);
      i = end;
    }
  }
  if (inQuotes) throw new FileRefusedError("reconciliation.file.unterminatedQuote", quoteLine);
  const last = endRecord();
  if (last !== null) yield last;
}
