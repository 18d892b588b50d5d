import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { TEMPLATE_COLUMNS } from "@/lib/domain/imports/columns";

/** A column's explanation, looked up by its base name (terminal groups share one). */
export type TColumnHelp = (column: string) => string;

const baseName = (column: string) => column.replace(/^terminal_\d+_/, "terminal_n_");

/** The header row only: a sample row left in by mistake would become a request. UTF-8 with BOM for Excel. */
export function importTemplateCsv() {
  return `\uFEFF${Papa.unparse([TEMPLATE_COLUMNS as string[]])}\r\n`;
}

/**
 * The header on the first sheet with every column formatted as text (Excel otherwise turns a
 * 19-digit account number into 1.23E+18 and loses digits), and a second sheet explaining each column.
 */
export async function importTemplateXlsx(help: TColumnHelp, sheetNames: { rows: string; guide: string; column: string; meaning: string }) {
  const book = new ExcelJS.Workbook();
  book.creator = "PayeeGuard";
  const sheet = book.addWorksheet(sheetNames.rows);
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c, key: c, width: Math.max(14, c.length + 4), style: { numFmt: "@" } }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const guide = book.addWorksheet(sheetNames.guide);
  guide.columns = [{ header: sheetNames.column, key: "column", width: 26 }, { header: sheetNames.meaning, key: "meaning", width: 90 }];
  guide.getRow(1).font = { bold: true };
  for (const column of TEMPLATE_COLUMNS) guide.addRow({ column, meaning: help(baseName(column)) });
  return Buffer.from(await book.xlsx.writeBuffer());
}
