import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { chunked, collect } from "@/test/reconciliation";
import * as before from "@/test/reconciliation-before-039/read-file";
import { foldFullWidth as foldBefore } from "@/test/reconciliation-before-039/fold-full-width";
import { payeeKey as payeeKeyBefore } from "@/test/reconciliation-before-039/payee-key";
import { parseTransactionTime as timeBefore } from "@/test/reconciliation-before-039/row";
import { normalizeIdentifier as identifierBefore } from "@/test/reconciliation-before-039/normalize-identifier";
import { foldFullWidth, normalizeIdentifier } from "@/lib/domain/validation/normalize";
import { FileRefusedError } from "./decode";
import { seededRandom, type Random } from "./generate";
import { payeeKey } from "./payee-key";
import { readTransactionFileBatches, type FileRow, type ReadState } from "./read-file";
import { parseTransactionTime } from "./row";

// Decision 039 rewrote the reader's hot path (batches, time by arithmetic, fast paths); these check
// it against the code it replaced (test/reconciliation-before-039) on random input.

const pick = <T,>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const digits = (random: Random, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
const pad2 = (n: number) => String(n).padStart(2, "0");

function randomTime(random: Random): string {
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
const randomName = (random: Random) => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(random, NAME_PIECES)).join("");

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

function randomFile(random: Random): string {
  const header = random() < 0.05 ? "time,tid,mid,payee_name,account_no,amount" : "\uFEFF交易时间,终端号,商户编号,收款方名称,结算账号,金额,检索参考号";
  const rows = Array.from({ length: Math.floor(random() * 60) }, () => {
    if (random() < 0.03) return "";
    const fields = random() < 0.5 ? cleanRow(random) : Array.from({ length: random() < 0.05 ? 5 : 7 }, (_, c) => randomField(random, c));
    return fields.join(",");
  });
  const end = random() < 0.5 ? "\r\n" : "\n";
  const text = [header, ...rows].join(end) + (random() < 0.5 ? end : "");
  return random() < 0.03 ? `${text}"unterminated` : text;
}

type Outcome = { rows: FileRow[]; state: ReadState; refused?: { key: string; lineNumber?: number; detail?: unknown } };

async function outcome(read: (state: ReadState) => AsyncIterable<FileRow>): Promise<Outcome> {
  const state: ReadState = {};
  const rows: FileRow[] = [];
  try {
    for await (const row of read(state)) rows.push(row);
    return { rows, state };
  } catch (err) {
    if (!(err instanceof FileRefusedError)) throw err;
    return { rows, state, refused: { key: err.key, lineNumber: err.lineNumber, detail: err.detail } };
  }
}

async function* flatten(batches: AsyncIterable<FileRow[]>): AsyncGenerator<FileRow> {
  for await (const rows of batches) yield* rows;
}

describe("the batched reader (decision 039) against the reader before it", () => {
  it("gives the same rows, rejections, line numbers, refusals and encoding on random files cut into random chunks", async () => {
    const random = seededRandom(39);
    let refused = 0;
    let rejected = 0;
    let accepted = 0;
    for (let i = 0; i < 1_500; i++) {
      const text = randomFile(random);
      const bytes = random() < 0.2 ? iconv.encode(text.replace(/^\uFEFF/, ""), "gb18030") : Buffer.from(text, "utf8");
      const size = 1 + Math.floor(random() * 200);
      const sniffBytes = 1 + Math.floor(random() * 300);
      const old = await outcome((state) => before.readTransactionFile(chunked(bytes, size), state, { sniffBytes }));
      const now = await outcome((state) => flatten(readTransactionFileBatches(chunked(bytes, size), state, { sniffBytes })));
      expect(now, `file ${i}`).toEqual(old);
      if (old.refused) refused++;
      rejected += old.rows.filter((r) => r.kind === "rejected").length;
      accepted += old.rows.filter((r) => r.kind === "accepted").length;
    }
    // The random files reach the refusals and rejections, not only clean rows.
    expect(refused).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(1_000);
    expect(accepted).toBeGreaterThan(1_000);
  });

  it("reads transaction times as before, edge cases included", () => {
    const random = seededRandom(390);
    let valid = 0;
    for (let i = 0; i < 50_000; i++) {
      const text = randomTime(random);
      const old = timeBefore(text);
      expect(parseTransactionTime(text)?.getTime() ?? null, text).toBe(old?.getTime() ?? null);
      if (old !== null) valid++;
    }
    expect(valid).toBeGreaterThan(2_000);
  });

  it("keys payee names and folds full-width text as before", () => {
    const random = seededRandom(391);
    for (let i = 0; i < 50_000; i++) {
      const name = random() < 0.3 ? `${pick(random, ["", " "])}${randomName(random)}${pick(random, ["", " "])}` : randomName(random);
      expect(payeeKey(name), JSON.stringify(name)).toBe(payeeKeyBefore(name));
      expect(foldFullWidth(name)).toBe(foldBefore(name));
    }
  });

  it("normalises identifiers (terminal ids, merchant numbers) as before", () => {
    const random = seededRandom(392);
    const pieces = ["T", "t", "0", "9", "A", "Z", "z", "-", "\u2212", " ", "\u3000", "\u200B", "Ｔ", "１", "ı", "_"];
    for (let i = 0; i < 50_000; i++) {
      const raw = Array.from({ length: Math.floor(random() * 18) }, () => pick(random, pieces)).join("");
      const options = { upperCase: random() < 0.5, keepHyphens: random() < 0.5 };
      expect(normalizeIdentifier(raw, options), JSON.stringify(raw)).toBe(identifierBefore(raw, options));
    }
  });
});
