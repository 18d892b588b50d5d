import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { UseCaseError } from "@/lib/server/errors";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5_000;

export type TImportFormat = "csv" | "xlsx";
/** `lostDigits`: columns whose cell held a number too long for Excel to keep every digit (read as text it would be a different number). */
export type TImportRecord = { row: number; values: Record<string, string>; lostDigits: string[] };
export type TImportRecords = { format: TImportFormat; encoding: "utf-8" | "gb18030" | null; header: string[]; records: TImportRecord[] };

/** Excel keeps 15 significant digits: a longer number typed into a non-text cell already lost its tail. */
const LOST_DIGITS = "\u0000lost-digits";

const refuse = (message: string, params: Record<string, string | number> = {}) => new UseCaseError("VALIDATION", { file: [`imports.file.${message}`] }, params);

/** .xlsx is a zip: it starts "PK\3\4" whatever the name says. */
function formatOf(fileName: string, bytes: Uint8Array): TImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (/\.(csv|txt)$/i.test(fileName)) return "csv";
  throw refuse("format");
}

/** UTF-8 (with or without BOM) unless the bytes are not valid UTF-8: then GB18030, as Excel saves CSV on a Chinese Windows. */
function decodeCsv(bytes: Uint8Array) {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" as const };
  } catch {
    try {
      return { text: new TextDecoder("gb18030", { fatal: true }).decode(body), encoding: "gb18030" as const };
    } catch {
      throw refuse("encoding");
    }
  }
}

/** A cell as the text a clerk sees: numbers without exponent, dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (Math.abs(value) >= 1e15) return LOST_DIGITS;
    return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return "";
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

function toRecords(header: string[], rows: { row: number; cells: string[] }[]) {
  const columns = header.map((h) => h.replace(/^\uFEFF/, "").trim());
  const records = rows
    .filter((r) => !isBlank(r.cells))
    .map(({ row, cells }) => ({
      row,
      values: Object.fromEntries(columns.map((c, i) => [c, cells[i] === LOST_DIGITS ? "" : (cells[i] ?? "")])),
      lostDigits: columns.filter((c, i) => cells[i] === LOST_DIGITS),
    }));
  if (records.length > MAX_IMPORT_ROWS) throw refuse("tooManyRows", { max: MAX_IMPORT_ROWS });
  return { header: columns, records };
}

/** The file's header and its non-blank rows, each numbered as a spreadsheet shows it (the header is row 1). */
export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<TImportRecords> {
  if (bytes.byteLength === 0) throw refuse("empty");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw refuse("tooLarge", { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const format = formatOf(fileName, bytes);
  if (format === "csv") {
    const { text, encoding } = decodeCsv(bytes);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
    const [header = [], ...rest] = parsed.data;
    if (isBlank(header)) throw refuse("empty");
    return { format, encoding, ...toRecords(header, rest.map((cells, i) => ({ row: i + 2, cells }))) };
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw refuse("unreadable");
  }
  const sheet = book.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw refuse("empty");
  const width = sheet.getRow(1).cellCount;
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, number) => {
    rows.push({ row: number, cells: Array.from({ length: Math.max(width, r.cellCount) }, (_, i) => cellText(r.getCell(i + 1).value)) });
  });
  const [header, ...rest] = rows;
  if (!header || header.row !== 1 || isBlank(header.cells)) throw refuse("empty");
  return { format, encoding: null, ...toRecords(header.cells, rest) };
}
