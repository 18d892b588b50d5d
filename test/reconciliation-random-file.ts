// Random transaction files with the variations and faults a host file has: shared by the reader's
// equivalence test (decision 039) and the two-part staging test (decision 044).
import type { Random } from "@/lib/domain/reconciliation/generate";

export const pick = <T,>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const digits = (random: Random, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
const pad2 = (n: number) => String(n).padStart(2, "0");

export function randomTime(random: Random): string {
  const year = pick(random, ["2026", "0000", "0050", "1999", "9999", "2024"]);
  const month = pad2(pick(random, [0, 1, 2, 6, 12, 13]));
  const day = pad2(pick(random, [0, 1, 28, 29, 30, 31, 32]));
  const hour = pad2(pick(random, [0, 8, 23, 24, 25]));
  const minute = pad2(pick(random, [0, 30, 59, 60]));
  const second = pad2(pick(random, [0, 59, 60]));
  const frac = pick(random, ["", ".1", ".123", ".123456", ".9999"]);
  const zone = pick(random, ["", "", "Z", "+08:00", "-0530", "+14:59", "+15:00", "-12:60", " +08:00", "+0000"]);
  const sep = pick(random, ["-", "/"]);
  const t = pick(random, [" ", "T"]);
  let text = `${year}${sep}${month}${sep}${day}${t}${hour}:${minute}:${second}${frac}${zone}`;
  if (random() < 0.1) text = text.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  if (random() < 0.05) text = ` ${text} `;
  if (random() < 0.05) text = text.slice(0, Math.floor(random() * text.length));
  return text;
}

const NAME_PIECES = ["商户", "有限公司", "ＡＢＣ", "abc", "Ab", " ", "  ", "\u3000", "\u200B", "\t", "（", "）", "\u00A0", "é", "😀", "X"];
export const randomName = (random: Random) => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(random, NAME_PIECES)).join("");

function randomField(random: Random, column: number): string {
  const r = random();
  if (r < 0.03) return "";
  if (r < 0.05) return `"${randomName(random)},\n"" ${digits(random, 3)}"`;
  if (r < 0.06) return `ab"c`;
  switch (column) {
    case 0: return randomTime(random);
    case 1: return pick(random, [`T${digits(random, 7)}`, `t${digits(random, 7)}`, `T${digits(random, 3)}`, "ＴＡ１２３４５６"]);
    case 2: return pick(random, [digits(random, 15), digits(random, 14), `${digits(random, 5)}-${digits(random, 10)}`]);
    case 3: return randomName(random);
    case 4: return pick(random, [`****${digits(random, 4)}`, `622202****${digits(random, 4)}`, digits(random, 19), `6222 ${digits(random, 12)}`, "bad"]);
    case 5: return pick(random, [`${digits(random, 3)}.${digits(random, 2)}`, `-${digits(random, 2)}`, "1,000.00", "１２.５"]);
    default: return pick(random, [digits(random, 12), `R${digits(random, 20)}`, "4111111111111111", `ref ${digits(random, 4)}`, "x".repeat(70)]);
  }
}

/** A row every check accepts, but with the variations a host file has (zones, full-width, masks). */
function cleanRow(random: Random): string[] {
  const time = `2026-${pad2(1 + Math.floor(random() * 12))}-${pad2(1 + Math.floor(random() * 28))} ${pad2(Math.floor(random() * 24))}:${pad2(Math.floor(random() * 60))}:${pad2(Math.floor(random() * 60))}`;
  return [
    `${time}${pick(random, ["", "", "+08:00", "Z", ".5"])}`,
    `T${digits(random, 7)}`,
    digits(random, 15),
    `${pick(random, ["商户", "ＡＢＣ", "Ab "])}${randomName(random)}x`,
    pick(random, [`****${digits(random, 4)}`, `6${digits(random, 18)}`]),
    `${digits(random, 3)}.${digits(random, 2)}`,
    digits(random, 12),
  ];
}

/** `rows`: how many data lines (default: 0–59 at random). */
export function randomFile(random: Random, rows?: number): string {
  const header = random() < 0.05 ? "time,tid,mid,payee_name,account_no,amount" : "\uFEFF交易时间,终端号,商户编号,收款方名称,结算账号,金额,检索参考号";
  const lines = Array.from({ length: rows ?? Math.floor(random() * 60) }, () => {
    if (random() < 0.03) return "";
    const fields = random() < 0.5 ? cleanRow(random) : Array.from({ length: random() < 0.05 ? 5 : 7 }, (_, c) => randomField(random, c));
    return fields.join(",");
  });
  const end = random() < 0.5 ? "\r\n" : "\n";
  const text = [header, ...lines].join(end) + (random() < 0.5 ? end : "");
  return random() < 0.03 ? `${text}"unterminated` : text;
}

