import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";

/**
 * The import file's column layout (docs/import-file-format.md): one merchant per row, the
 * application form's fields under stable column names, terminals as numbered column groups.
 * A row with a merchant number is a change to that approved merchant; without one, a new merchant.
 */
export const MERCHANT_COLUMNS = {
  merchant_type: "merchant.type",
  legal_name: "merchant.legalName",
  receipt_name: "merchant.receiptName",
  credit_code: "merchant.creditCode",
  legal_rep_name: "merchant.legalRepName",
  legal_rep_id: "merchant.legalRepId",
  phone: "merchant.phone",
  mcc: "merchant.mcc",
  division_code: "merchant.divisionCode",
  street: "merchant.street",
  account_type: "account.accountType",
  account_name: "account.accountName",
  account_no: "account.accountNo",
  bank_code: "account.bankCode",
  branch_name: "account.branchName",
  cnaps: "account.cnaps",
  third_party_auth_ref: "account.thirdPartyAuthRef",
  third_party_auth_date: "account.thirdPartyAuthDate",
} as const;

export const CHANGE_COLUMNS = ["merchant_no", "merchant_version"] as const;
const TERMINAL_PARTS = { id: "terminalId", serial: "serialNo", address: "installAddress" } as const;
export const MAX_TERMINALS = 50;
/** The template shows this many terminal groups; more may be added up to MAX_TERMINALS. */
export const TEMPLATE_TERMINALS = 3;

const TERMINAL_COLUMN = /^terminal_(\d{1,2})_(id|serial|address)$/;

export function terminalColumns(count: number) {
  return Array.from({ length: count }, (_, i) => Object.keys(TERMINAL_PARTS).map((part) => `terminal_${i + 1}_${part}`)).flat();
}

export const TEMPLATE_COLUMNS: readonly string[] = [...CHANGE_COLUMNS, ...Object.keys(MERCHANT_COLUMNS), ...terminalColumns(TEMPLATE_TERMINALS)];

export type TImportRow = {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  merchantNo: string;
  merchantVersion: string;
  data: TMerchantApplicationInput;
};

/** Header problems that make the whole file unreadable as an import (message keys under "imports."). */
export function headerProblems(header: readonly string[]): { message: string; column?: string }[] {
  const problems: { message: string; column?: string }[] = [];
  const seen = new Set<string>();
  for (const raw of header) {
    const column = raw.trim();
    if (column === "") continue;
    if (seen.has(column)) problems.push({ message: "file.duplicateColumn", column });
    seen.add(column);
    const terminal = TERMINAL_COLUMN.exec(column);
    const known = column in MERCHANT_COLUMNS || (CHANGE_COLUMNS as readonly string[]).includes(column) || (terminal && Number(terminal[1]) >= 1 && Number(terminal[1]) <= MAX_TERMINALS);
    if (!known) problems.push({ message: "file.unknownColumn", column });
  }
  for (const column of Object.keys(MERCHANT_COLUMNS)) if (!seen.has(column)) problems.push({ message: "file.missingColumn", column });
  if (!seen.has("terminal_1_id")) problems.push({ message: "file.missingColumn", column: "terminal_1_id" });
  return problems;
}

const setPath = (target: Record<string, Record<string, string>>, path: string, value: string) => {
  const [part, field] = path.split(".") as [string, string];
  target[part]![field] = value;
};

/**
 * One record (column → cell text) as the application form would send it. Terminal groups left
 * wholly blank are skipped, so a row may use fewer groups than the header has.
 */
export function rowToApplication(record: Readonly<Record<string, string>>, row: number): TImportRow {
  const cell = (column: string) => (record[column] ?? "").trim();
  const parts: Record<string, Record<string, string>> = { merchant: {}, account: {} };
  for (const [column, path] of Object.entries(MERCHANT_COLUMNS)) setPath(parts, path, cell(column));
  const terminals: { terminalId: string; serialNo: string; installAddress: string }[] = [];
  for (let i = 1; i <= MAX_TERMINALS; i++) {
    const group = { terminalId: cell(`terminal_${i}_id`), serialNo: cell(`terminal_${i}_serial`), installAddress: cell(`terminal_${i}_address`) };
    if (group.terminalId || group.serialNo || group.installAddress) terminals.push(group);
  }
  const upper = (s: string) => s.toUpperCase();
  return {
    row,
    merchantNo: upper(cell("merchant_no")),
    merchantVersion: cell("merchant_version"),
    data: {
      merchant: { ...parts.merchant, type: upper(parts.merchant!.type ?? "") } as TMerchantApplicationInput["merchant"],
      account: { ...parts.account, accountType: upper(parts.account!.accountType ?? "") } as TMerchantApplicationInput["account"],
      terminals,
    },
  };
}

const PATH_TO_COLUMN = new Map<string, string>(Object.entries(MERCHANT_COLUMNS).map(([column, path]) => [path, column]));
const TERMINAL_FIELD_TO_PART = new Map<string, string>(Object.entries(TERMINAL_PARTS).map(([part, field]) => [field, part]));

/** The file's column a field error belongs to ("terminals.1.serialNo" → "terminal_2_serial"); "" for the row as a whole. */
export function columnOfPath(path: string): string {
  const direct = PATH_TO_COLUMN.get(path);
  if (direct) return direct;
  const terminal = /^terminals\.(\d+)\.(\w+)$/.exec(path);
  if (terminal) return `terminal_${Number(terminal[1]) + 1}_${TERMINAL_FIELD_TO_PART.get(terminal[2]!) ?? terminal[2]}`;
  if (path === "terminals") return "terminal_1_id";
  if (path === "merchantNo") return "merchant_no";
  if (path === "merchantVersion") return "merchant_version";
  if (path.startsWith("column:")) return path.slice(7);
  return "";
}
