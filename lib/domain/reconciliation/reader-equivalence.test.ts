import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { chunked, collect } from "@/test/reconciliation";
import { pick, randomFile, randomName, randomTime } from "@/test/reconciliation-random-file";
import * as before from "@/test/reconciliation-before-039/read-file";
import { foldFullWidth as foldBefore } from "@/test/reconciliation-before-039/fold-full-width";
import { payeeKey as payeeKeyBefore } from "@/test/reconciliation-before-039/payee-key";
import { parseTransactionTime as timeBefore } from "@/test/reconciliation-before-039/row";
import { normalizeIdentifier as identifierBefore } from "@/test/reconciliation-before-039/normalize-identifier";
import { foldFullWidth, normalizeIdentifier } from "@/lib/domain/validation/normalize";
import { FileRefusedError } from "./decode";
import { seededRandom } from "./generate";
import { payeeKey } from "./payee-key";
import { readTransactionFileBatches, type FileRow, type ReadState } from "./read-file";
import { parseTransactionTime } from "./row";

// Decision 039 rewrote the reader's hot path (batches, time by arithmetic, fast paths); these check
// it against the code it replaced (test/reconciliation-before-039) on random input.

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
