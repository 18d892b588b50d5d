/** Text for the plain field checks' property tests (plain-rows, plain-fields): forms the reader reads, forms near them, and what the database makes of them. */
import fc from "fast-check";

export const NAMES = ["交易时间", "终端号", "商户编号", "收款方名称", "结算账号", "金额", "检索参考号"];
export const ROW = ["2026-10-07 08:20:01", "T0010165", "000000000005082", "基准m0005082", "****5082", "10.14", "100000000000"];

/** `text::timestamp - 8 hours`, as the database computes it. */
export function copiedTime(text: string): number {
  const [, y, mo, d, h, mi, s] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text)!.map(Number);
  return Date.UTC(y!, mo! - 1, d!, h! - 8, mi!, s!);
}

/** `(text::numeric * 100)::bigint`, in exact integer arithmetic. */
export function copiedFen(text: string): number {
  const [, sign, yuan, cents = ""] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)!;
  const fen = BigInt(yuan!) * 100n + BigInt(cents.padEnd(2, "0"));
  return Number(sign === "-" ? -fen : fen);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const piecesOf = (...slots: string[][]) => fc.tuple(...slots.map((s) => fc.constantFrom(...s))).map((p) => p.join(""));
export const plainTimeText = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 23 }), fc.nat(59), fc.nat(59))
  .map(([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`);
export const nearTimeText = fc.oneof(
  fc.tuple(plainTimeText, fc.nat(18), fc.constantFrom(..."0123456789-/ T:")).map(([t, at, c]) => t.slice(0, at) + c + t.slice(at + 1)),
  fc.tuple(plainTimeText, fc.constantFrom("Z", "+08:00", ".5", " ", "0")).map(([t, tail]) => t + tail),
  piecesOf(["0999", "1000", "2024", "2026", "20a6"], ["-", "/"], ["00", "02", "12", "13"], ["-"], ["00", "29", "31", "32"], [" ", "T"], ["00", "23", "24"], [":00:"], ["00", "59", "60"]),
);
export const plainAmountText = fc.stringMatching(/^-?\d{1,10}(\.\d{1,2})?$/);
export const nearAmountText = fc.array(fc.constantFrom("0", "1", "9", "-", "+", ".", " ", "e", "00", "99999", "１"), { maxLength: 14 }).map((p) => p.join(""));
export const nearReferenceText = fc.array(fc.constantFrom("6222021234", "567", "1", "-", "--", "a", " ", "\t", "参", "R", "~", "\x7f"), { maxLength: 12 }).map((p) => p.join(""));
export const asciiText = fc.string({ unit: "binary-ascii", maxLength: 70 });
