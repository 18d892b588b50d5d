/**
 * A whole transaction file, streamed: decode → header → per row: PAN refusal, then parse.
 * Every data row comes out exactly once, as a record or a rejection: accepted + rejected = data rows.
 */
import { COLUMNS, mapHeader, type Column, type HeaderMap } from "./header";
import { csvRecordBatches, decodeText, FileRefusedError, type DecodeOptions, type FileEncoding } from "./decode";
import { hasPanField, panPositions } from "./pan";
import { parseRow, type RowProblem, type TransactionRecord } from "./row";

export type FileRow =
  | { kind: "accepted"; lineNumber: number; record: TransactionRecord }
  | { kind: "rejected"; lineNumber: number; problems: RowProblem[] };

export type ReadState = { encoding?: FileEncoding; header?: HeaderMap };

/**
 * Throws FileRefusedError for the whole file: header problems ("reconciliation.file.badHeader" with
 * the problems in detail), a PAN ("reconciliation.file.panFound" with line and column), bad encoding,
 * an unterminated quote, or no header at all.
 */
export async function* readTransactionFile(
  bytes: AsyncIterable<Uint8Array>,
  state: ReadState = {},
  options: DecodeOptions = {},
): AsyncGenerator<FileRow> {
  for await (const rows of readTransactionFileBatches(bytes, state, options)) yield* rows;
}

/**
 * readTransactionFile, one array per decoded text chunk: one async step per chunk instead of three
 * per row (decision 039). Rows ahead of a refusal are still handed out before it is thrown, so the
 * flattened sequence is exactly readTransactionFile's.
 */
export async function* readTransactionFileBatches(
  bytes: AsyncIterable<Uint8Array>,
  state: ReadState = {},
  options: DecodeOptions = {},
): AsyncGenerator<FileRow[]> {
  const text = decodeText(bytes, { ...options, onEncoding: (e) => { state.encoding = e; options.onEncoding?.(e); } });
  let header: HeaderMap | undefined;
  for await (const records of csvRecordBatches(text)) {
    const rows: FileRow[] = [];
    for (const record of records) {
      if (header === undefined) {
        const mapped = mapHeader(record.fields);
        if (!mapped.ok) throw new FileRefusedError("reconciliation.file.badHeader", record.lineNumber, { problems: mapped.problems });
        header = mapped.header;
        state.header = header;
        continue;
      }
      if (hasPanField(record.fields, header)) {
        const pans = panPositions(record.fields, header);
        if (rows.length > 0) yield rows;
        throw new FileRefusedError("reconciliation.file.panFound", record.lineNumber, { columns: pans.map((p) => columnName(header!, p)) });
      }
      if (record.malformed !== undefined) {
        rows.push({ kind: "rejected", lineNumber: record.lineNumber, problems: [{ field: "_row", key: record.malformed }] });
        continue;
      }
      const parsed = parseRow(record.fields, header);
      rows.push(parsed.ok
        ? { kind: "accepted", lineNumber: record.lineNumber, record: parsed.record }
        : { kind: "rejected", lineNumber: record.lineNumber, problems: parsed.problems });
    }
    if (rows.length > 0) yield rows;
  }
  if (header === undefined) throw new FileRefusedError("reconciliation.file.empty");
}

/** The canonical column name at a position, or "column N" (1-based) for an extra column. */
function columnName(header: HeaderMap, position: number): string {
  const column = COLUMNS.find((c: Column) => header.positions[c] === position);
  return column ?? `column ${position + 1}`;
}
