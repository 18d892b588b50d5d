/**
 * Parses the card BIN table admins import (DOMAIN.md §2 bank card: a CREDIT prefix may never be a
 * settlement account). Pure: the import use case decides what to do with the result, and writes
 * nothing unless `errors` is empty.
 *
 * Accepted: a header row naming the columns (English `prefix,bank,card_type` or Chinese
 * `卡BIN,发卡行,卡种`, any order, extra columns ignored), comma/tab/semicolon separated, UTF-8 with or
 * without BOM. Card types debit/credit/prepaid or 借记卡/贷记卡/预付卡; 准贷记卡 (a credit line on a
 * deposit card) counts as credit because it can go into overdraft like one.
 */
import Papa from "papaparse";
import { foldFullWidth, normalizeIdentifier, normalizeName } from "@/lib/domain/validation/normalize";
import type { TCardBinError, TCardBinField } from "./card-bin-errors";

export * from "./card-bin-errors";

export type TCardBinType = "DEBIT" | "CREDIT" | "PREPAID";
export type TCardBinRow = { prefix: string; bankName: string; cardType: TCardBinType };
export type TCardBinCsvResult = { rows: TCardBinRow[]; errors: TCardBinError[] };

export const CARD_BIN_MAX_ROWS = 20_000;
export const CARD_BIN_BANK_MAX = 60;

const HEADERS: Record<Exclude<TCardBinField, "file">, readonly string[]> = {
  prefix: ["prefix", "bin", "card_bin", "卡bin", "bin号"],
  bank: ["bank", "bank_name", "issuer", "发卡行", "发卡银行", "银行"],
  cardType: ["card_type", "cardtype", "type", "卡种", "卡类型", "卡片类型"],
};

const CARD_TYPES = new Map<string, TCardBinType>([
  ["debit", "DEBIT"],
  ["credit", "CREDIT"],
  ["prepaid", "PREPAID"],
  ["借记卡", "DEBIT"],
  ["贷记卡", "CREDIT"],
  ["信用卡", "CREDIT"],
  ["准贷记卡", "CREDIT"],
  ["预付卡", "PREPAID"],
  ["预付费卡", "PREPAID"],
]);

const headerKey = (cell: string) => foldFullWidth(cell).replace(/\s+/g, "").toLowerCase();

function columnsOf(header: string[]): Record<Exclude<TCardBinField, "file">, number> | null {
  const keys = header.map(headerKey);
  const found = {} as Record<Exclude<TCardBinField, "file">, number>;
  for (const [field, names] of Object.entries(HEADERS) as [Exclude<TCardBinField, "file">, readonly string[]][]) {
    const matches = keys.flatMap((k, i) => (names.includes(k) ? [i] : []));
    if (matches.length !== 1) return null;
    found[field] = matches[0]!;
  }
  return found;
}

export function parseCardBinCsv(text: string): TCardBinCsvResult {
  // One newline convention, so a row's line number is the count of "\n" before it.
  const input = (typeof text === "string" ? text : "").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const rows: TCardBinRow[] = [];
  const errors: TCardBinError[] = [];
  const firstLineOf = new Map<string, number>();
  let columns: ReturnType<typeof columnsOf> | undefined;
  let offset = 0;
  let line = 1;
  let dataRows = 0;

  const advanceTo = (position: number) => {
    for (; offset < position; offset++) if (input.charCodeAt(offset) === 10) line++;
  };

  Papa.parse<string[]>(input, {
    delimitersToGuess: [",", "\t", ";"],
    step: (result, parser) => {
      const rowLine = line;
      const cells = result.data.map((c) => (typeof c === "string" ? c : ""));
      advanceTo(result.meta.cursor);
      if (cells.every((c) => c.trim() === "")) return;
      if (result.errors.some((e) => e.type === "Quotes")) {
        errors.push({ line: rowLine, field: "file", message: "validation.cardBin.malformed" });
        return;
      }
      if (columns === undefined) {
        columns = columnsOf(cells);
        if (!columns) {
          errors.push({ line: rowLine, field: "file", message: "validation.cardBin.header" });
          parser.abort();
        }
        return;
      }
      if (!columns) return;
      if (++dataRows > CARD_BIN_MAX_ROWS) {
        errors.push({ line: rowLine, field: "file", message: "validation.cardBin.tooManyRows" });
        parser.abort();
        return;
      }
      const row = checkRow(cells, columns, rowLine, firstLineOf, errors);
      if (row) rows.push(row);
    },
  });

  if (columns === undefined) errors.push({ line: 1, field: "file", message: "validation.cardBin.empty" });
  else if (columns && dataRows === 0) errors.push({ line: 2, field: "file", message: "validation.cardBin.noRows" });
  return { rows: errors.length ? [] : rows, errors };
}

function checkRow(
  cells: string[],
  columns: Record<Exclude<TCardBinField, "file">, number>,
  line: number,
  firstLineOf: Map<string, number>,
  errors: TCardBinError[],
): TCardBinRow | null {
  const before = errors.length;
  const prefix = normalizeIdentifier(cells[columns.prefix] ?? "");
  if (prefix === "") errors.push({ line, field: "prefix", message: "validation.required" });
  else if (!/^\d{6,10}$/.test(prefix)) errors.push({ line, field: "prefix", message: "validation.cardBin.prefix" });
  else if (firstLineOf.has(prefix)) errors.push({ line, field: "prefix", message: "validation.cardBin.duplicate" });
  else firstLineOf.set(prefix, line);

  const bankName = normalizeName(cells[columns.bank] ?? "");
  if (bankName === "") errors.push({ line, field: "bank", message: "validation.required" });
  else if (bankName.length > CARD_BIN_BANK_MAX) errors.push({ line, field: "bank", message: "validation.tooLong" });

  const rawType = headerKey(cells[columns.cardType] ?? "");
  const cardType = CARD_TYPES.get(rawType);
  if (rawType === "") errors.push({ line, field: "cardType", message: "validation.required" });
  else if (!cardType) errors.push({ line, field: "cardType", message: "validation.cardBin.cardType" });

  return errors.length === before && cardType ? { prefix, bankName, cardType } : null;
}

