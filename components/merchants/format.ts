import "server-only";
import { bankCategoryOf } from "@/lib/domain/reference/bank-categories";
import { divisionFullName } from "@/lib/domain/reference/divisions";
import { MCC_LIST } from "@/lib/domain/reference/mcc-list";

/** next-intl's translator for the `merchants` namespace, reduced to what these helpers need. */
type T = (key: string) => string;
type Locale = "zh-CN" | "en";

export const EMPTY = "—";

export function mccLabel(code: string | null | undefined, locale: Locale) {
  if (!code) return EMPTY;
  const mcc = MCC_LIST.find((m) => m.code === code);
  return mcc ? `${code} ${locale === "en" ? mcc.nameEn : mcc.nameZh}` : code;
}

export function bankLabel(code: string | null | undefined, locale: Locale) {
  if (!code) return EMPTY;
  const bank = bankCategoryOf(code);
  return bank ? (locale === "en" ? bank.nameEn : bank.nameZh) : code;
}

export function divisionLabel(code: string | null | undefined) {
  if (!code) return EMPTY;
  return divisionFullName(code) ?? code;
}

/** "••••1234" as stored in snapshots, or a bare last 4, shown the same way everywhere. */
export function masked(last4OrMasked: string | null | undefined) {
  if (!last4OrMasked) return EMPTY;
  return `•••• ${last4OrMasked.replace(/^•+/, "")}`;
}

/** Snapshot paths in the order of the record, each with its label key under `merchants.fields`. */
const FIELDS: [path: string, label: string][] = [
  ["merchant.merchantNo", "merchantNo"],
  ["merchant.status", "status"],
  ["merchant.type", "type"],
  ["merchant.legalName", "legalName"],
  ["merchant.receiptName", "receiptName"],
  ["merchant.creditCode", "creditCode"],
  ["merchant.legalRepName", "legalRepName"],
  ["merchant.legalRepId", "legalRepId"],
  ["merchant.phone", "phone"],
  ["merchant.mcc", "mcc"],
  ["merchant.divisionCode", "division"],
  ["merchant.street", "street"],
  ["account.accountType", "accountType"],
  ["account.accountName", "accountName"],
  ["account.accountNo", "accountNo"],
  ["account.bankCode", "bank"],
  ["account.branchName", "branchName"],
  ["account.cnaps", "cnaps"],
  ["account.thirdPartyAuthRef", "thirdPartyAuthRef"],
  ["terminals", "terminals"],
];
const ORDER = new Map(FIELDS.map(([path], i) => [path, i]));
const LABEL = new Map(FIELDS);

/** Codes and numbers read better (and compare digit by digit) in a monospaced font. */
const CODE_FIELDS = new Set(["merchant.merchantNo", "merchant.creditCode", "merchant.legalRepId", "merchant.phone", "account.accountNo", "account.cnaps"]);
export const isCodeField = (path: string) => CODE_FIELDS.has(path);

export function fieldOrder(path: string) {
  return ORDER.get(path) ?? FIELDS.length;
}

/** A micro-merchant has an operator and a trading name, not a legal representative and a legal name. */
const MICRO_LABEL: Record<string, string> = { legalName: "legalNameMicro", legalRepName: "operatorName", legalRepId: "operatorId" };

/** Human label of a snapshot path; an unknown path is shown as it is rather than hidden. */
export function fieldLabel(path: string, t: T, micro = false) {
  const key = LABEL.get(path);
  if (!key) return path;
  return t(`fields.${(micro && MICRO_LABEL[key]) || key}`);
}

type Terminal = { terminalId?: string; serialNo?: string; installAddress?: string };

/** A snapshot value as an operator reads it: names for codes, masks kept, one line per terminal. */
export function fieldValue(path: string, value: unknown, t: T, locale: Locale): string | string[] {
  if (value === null || value === undefined || value === "") return EMPTY;
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    return (value as Terminal[]).map((x) => [x.terminalId, x.serialNo, x.installAddress].filter(Boolean).join(" · "));
  }
  const s = String(value);
  switch (path) {
    case "merchant.status":
      return t(`statuses.${s}`);
    case "merchant.type":
      return t(`types.${s}`);
    case "account.accountType":
      return t(`accountTypes.${s}`);
    case "merchant.mcc":
      return mccLabel(s, locale);
    case "merchant.divisionCode":
      return `${divisionLabel(s)}（${s}）`;
    case "account.bankCode":
      return bankLabel(s, locale);
    case "merchant.legalRepId":
    case "account.accountNo":
      return masked(s);
    default:
      return s;
  }
}
