import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { MERCHANT_COLUMNS, terminalColumns } from "@/lib/domain/imports/columns";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import en from "@/messages/en.json";

export const IMPORT_HEADER = ["merchant_no", "merchant_version", ...Object.keys(MERCHANT_COLUMNS), ...terminalColumns(2)];

/** An application as one row of an import file (the inverse of rowToApplication). */
export function importRecord(data: TMerchantApplicationInput, change: { merchantNo?: string; merchantVersion?: string } = {}): Record<string, string> {
  const record: Record<string, string> = { merchant_no: change.merchantNo ?? "", merchant_version: change.merchantVersion ?? "" };
  for (const [column, path] of Object.entries(MERCHANT_COLUMNS)) {
    const [part, field] = path.split(".") as ["merchant" | "account", string];
    record[column] = String((data[part] as Record<string, unknown>)[field] ?? "");
  }
  data.terminals.forEach((t, i) => Object.assign(record, { [`terminal_${i + 1}_id`]: t.terminalId, [`terminal_${i + 1}_serial`]: t.serialNo, [`terminal_${i + 1}_address`]: t.installAddress }));
  return record;
}

export function csvBytes(records: Record<string, string>[], encoding: "utf-8" | "gb18030" = "utf-8") {
  const text = Papa.unparse({ fields: IMPORT_HEADER, data: records.map((r) => IMPORT_HEADER.map((c) => r[c] ?? "")) });
  return new Uint8Array(encoding === "gb18030" ? iconv.encode(text, "gb18030") : Buffer.from(text, "utf8"));
}

/** As Excel users make it: text cells, except the MCC typed as a number (and any column in `asNumber`). */
export async function xlsxBytes(records: Record<string, string>[], asNumber: (record: Record<string, string>, column: string) => boolean = () => false) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("rows");
  sheet.addRow(IMPORT_HEADER);
  for (const r of records) sheet.addRow(IMPORT_HEADER.map((c) => ((c === "mcc" || asNumber(r, c)) && r[c] ? Number(r[c]) : (r[c] ?? ""))));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** next-intl's translator, enough of it for the error report: English messages, {name} placeholders. */
export function englishTranslator() {
  const lookup = (key: string) => key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), en);
  const t = (key: string, params?: Record<string, string | number>) => String(lookup(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
  t.has = (key: string) => typeof lookup(key) === "string";
  return t;
}
