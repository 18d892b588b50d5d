/**
 * Header row of a transaction / settlement file → canonical columns (docs/reconciliation-file-format.md).
 * Hosts name columns in Chinese or English with varying case, spacing, full-width characters and a BOM.
 */
import { foldFullWidth } from "@/lib/domain/validation/normalize";

export const COLUMNS = [
  "transaction_time",
  "terminal_id",
  "merchant_no",
  "payee_name",
  "settlement_account",
  "amount",
  "reference",
] as const;

export type Column = (typeof COLUMNS)[number];

/** Accepted header names per column, as written in the format document (normalised on lookup). */
export const HEADER_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  transaction_time: ["transaction_time", "txn_time", "trans_time", "time", "交易时间", "交易日期时间"],
  terminal_id: ["terminal_id", "terminal_no", "tid", "终端号", "终端编号", "终端代码"],
  merchant_no: ["merchant_no", "merchant_number", "merchant_id", "mid", "商户编号", "商户号", "商户代码"],
  payee_name: ["payee_name", "merchant_name", "receipt_name", "收款方名称", "商户名称", "签购单名称", "收款人名称"],
  settlement_account: ["settlement_account", "settlement_account_no", "account_no", "结算账号", "结算账户", "入账账号"],
  amount: ["amount", "txn_amount", "transaction_amount", "金额", "交易金额", "金额(元)", "交易金额(元)"],
  reference: ["reference", "reference_no", "rrn", "transaction_reference", "交易参考号", "参考号", "检索参考号"],
};

/** Case, spaces (incl. U+3000), `_`/`-`, full-width forms and a BOM do not matter in a header name. */
export function normalizeHeaderName(raw: string): string {
  return foldFullWidth(raw.replace(/\uFEFF/g, ""))
    .replace(/[\s_\-]+/g, "")
    .toLowerCase();
}

const LOOKUP: ReadonlyMap<string, Column> = new Map(
  COLUMNS.flatMap((column) => HEADER_ALIASES[column].map((alias) => [normalizeHeaderName(alias), column] as const)),
);

export type HeaderProblem =
  | { key: "reconciliation.header.missingColumn"; column: Column }
  | { key: "reconciliation.header.duplicateColumn"; column: Column; positions: number[] };

/** Column → 0-based position in the row. Extra columns are listed by position and ignored (but PAN-scanned). */
export type HeaderMap = { positions: Readonly<Record<Column, number>>; ignored: { position: number; name: string }[] };

export type HeaderResult = { ok: true; header: HeaderMap } | { ok: false; problems: HeaderProblem[] };

export function mapHeader(names: readonly string[]): HeaderResult {
  const found = new Map<Column, number[]>();
  const ignored: HeaderMap["ignored"] = [];
  names.forEach((name, position) => {
    const column = LOOKUP.get(normalizeHeaderName(name));
    if (column === undefined) {
      if (name.trim() !== "") ignored.push({ position, name });
      return;
    }
    found.set(column, [...(found.get(column) ?? []), position]);
  });
  const problems: HeaderProblem[] = [];
  for (const column of COLUMNS) {
    const positions = found.get(column);
    if (positions === undefined) problems.push({ key: "reconciliation.header.missingColumn", column });
    else if (positions.length > 1) problems.push({ key: "reconciliation.header.duplicateColumn", column, positions });
  }
  if (problems.length > 0) return { ok: false, problems };
  const positions = Object.fromEntries(COLUMNS.map((c) => [c, found.get(c)![0]])) as Record<Column, number>;
  return { ok: true, header: { positions, ignored } };
}
