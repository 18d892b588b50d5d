/**
 * Plans rows of a realistic transaction file against the approved data, planting known mismatches
 * (`npm run gen:transactions`). Pure and seeded: the same inputs and seed give the same file.
 */
import type { Column } from "./header";

/** One terminal binding of an approved merchant, with the facts in force today. */
export type GeneratorBinding = {
  terminalId: string;
  merchantNo: string;
  payeeName: string;
  accountLast4: string;
  boundFrom: Date;
  boundTo: Date | null;
  /** Latest of the account's effectiveFrom and the merchant version's approval: before it the facts may differ. */
  factsSince: Date;
};

export const MISMATCH_KINDS = [
  "unknown_terminal",
  "terminal_bound_to_other_merchant",
  "payee_differs",
  "account_differs",
  "outside_binding_period",
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export type PlannedRow = { fields: Record<Column, string>; mismatch?: MismatchKind };

export type Random = () => number;

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;
const TERMINAL_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const OTHER_PAYEES = ["上海鑫达商贸有限公司", "个体户王五", "深圳市聚源信息咨询有限公司", "HK GOLDEN TRADING LTD"];

/** "YYYY-MM-DD HH:mm:ss" in Beijing time, the commonest host format (docs/reconciliation-file-format.md). */
export function formatBeijingTime(at: Date): string {
  return new Date(at.getTime() + BEIJING).toISOString().slice(0, 19).replace("T", " ");
}

export function formatYuan(fen: number): string {
  return `${fen < 0 ? "-" : ""}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;
}

export type PlannerOptions = { mismatchRate: number; now: Date; random: Random };

export type RowPlanner = (index: number) => PlannedRow;

/**
 * Bindings usable for clean rows need a non-empty window [max(boundFrom, factsSince), boundTo ?? now):
 * a transaction inside it must match the records in force at its time. Throws if there are none.
 */
export function rowPlanner(bindings: readonly GeneratorBinding[], options: PlannerOptions): RowPlanner {
  const { mismatchRate, now, random } = options;
  const windows = bindings
    // Times are written to the second: start at the next whole second so truncation cannot fall before the window.
    .map((b) => ({ b, from: Math.ceil(Math.max(b.boundFrom.getTime(), b.factsSince.getTime()) / 1000) * 1000, to: Math.min(b.boundTo?.getTime() ?? now.getTime(), now.getTime()) }))
    .filter((w) => w.to - w.from > 1000);
  if (windows.length === 0) throw new Error("No terminal binding of an approved merchant with an account in force: nothing to generate against.");
  const known = new Set(bindings.map((b) => b.terminalId));
  const firstBound = new Map<string, number>();
  for (const b of bindings) firstBound.set(b.terminalId, Math.min(firstBound.get(b.terminalId) ?? Infinity, b.boundFrom.getTime()));
  const merchants = [...new Map(windows.map((w) => [w.b.merchantNo, w.b])).values()];

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (from: number, to: number) => new Date(Math.floor(from + random() * (to - from)));
  const amountFen = () => Math.max(1, Math.round(Math.exp(random() * Math.log(500_000)))); // 0.01–5000.00 yuan, skewed small

  return (index) => {
    const w = pick(windows);
    const at = between(w.from, w.to);
    const fields: Record<Column, string> = {
      transaction_time: formatBeijingTime(at),
      terminal_id: w.b.terminalId,
      merchant_no: w.b.merchantNo,
      payee_name: w.b.payeeName,
      settlement_account: `****${w.b.accountLast4}`,
      amount: formatYuan(amountFen()),
      reference: String(100_000_000_000 + index).slice(-12),
    };
    if (random() >= mismatchRate) return { fields };
    const kinds = MISMATCH_KINDS.filter((k) => k !== "terminal_bound_to_other_merchant" || merchants.length > 1);
    const mismatch = pick(kinds);
    switch (mismatch) {
      case "unknown_terminal": {
        let id: string;
        do id = Array.from({ length: 8 }, () => pick([...TERMINAL_CHARS])).join("");
        while (known.has(id));
        fields.terminal_id = id;
        break;
      }
      case "terminal_bound_to_other_merchant": {
        let other: GeneratorBinding;
        do other = pick(merchants);
        while (other.merchantNo === w.b.merchantNo);
        fields.merchant_no = other.merchantNo;
        fields.payee_name = other.payeeName;
        fields.settlement_account = `****${other.accountLast4}`;
        break;
      }
      case "payee_differs":
        fields.payee_name = pick(OTHER_PAYEES.filter((p) => p !== w.b.payeeName));
        break;
      case "account_differs":
        fields.settlement_account = `****${String((Number(w.b.accountLast4) + 1 + Math.floor(random() * 9998)) % 10000).padStart(4, "0")}`;
        break;
      case "outside_binding_period": {
        // Before the terminal's first binding to anyone: no binding covers that time.
        const first = firstBound.get(w.b.terminalId)!;
        fields.transaction_time = formatBeijingTime(between(first - 30 * DAY, first - 1000));
        break;
      }
    }
    return { fields, mismatch };
  };
}

/** RFC 4180 quoting where needed. */
export function csvLine(values: readonly string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",");
}
