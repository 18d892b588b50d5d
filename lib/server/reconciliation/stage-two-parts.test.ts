import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it, vi } from "vitest";
import { FileRefusedError } from "@/lib/domain/reconciliation/decode";
import { seededRandom } from "@/lib/domain/reconciliation/generate";
import type { ReadState } from "@/lib/domain/reconciliation/read-file";
import type { SqlRunner } from "@/lib/server/db/sql-runner";
import { randomFile } from "@/test/reconciliation-random-file";
import { stageRows, type StageOptions } from "./stage-rows";

// Decision 044: a file read in two parts, the second on a worker thread, stages exactly what reading
// it on one thread stages — the same rows, rejections, counts, encoding and refusals — and falls
// back to one thread when the split is not a clean record boundary.

// Before the imports read the environment: no demo key file is written for this test.
vi.hoisted(() => {
  const key = () => Buffer.from(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256))).toString("base64");
  process.env.BLIND_INDEX_KEY ??= key();
  process.env.DATA_ENCRYPTION_KEYS ??= `t1:${key()}`;
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stage-two-parts-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The database as staging sees it: one COPY (all or nothing) and the rejected rows' inserts. */
function fakeDatabase() {
  const staged: string[] = [];
  let rejected: { line: number; key: string; problems: string }[] = [];
  const sql: SqlRunner = {
    query: (async (text: string, params: unknown[] = []) => {
      if (text.includes("INSERT INTO \"ReconciliationRejectedRow\"")) {
        const [, lines, keys, , problems] = params as [string, number[], string[], string[], string[]];
        lines.forEach((line, i) => rejected.push({ line, key: keys[i]!, problems: problems[i]! }));
      } else if (text.startsWith("DELETE FROM \"ReconciliationRejectedRow\"")) rejected = [];
      else throw new Error(`unexpected statement: ${text}`);
      return [];
    }) as SqlRunner["query"],
    copyFrom: async (_statement, pieces) => {
      const copied: string[] = [];
      for await (const piece of pieces) copied.push(typeof piece === "string" ? piece : Buffer.from(piece).toString("utf8"));
      const lines = copied.join("").split("\n").filter((l) => l !== "");
      staged.push(...lines);
      return lines.length;
    },
  } as SqlRunner;
  return { sql, staged, rejected: () => rejected };
}

type Outcome = { staged?: string[]; rejected?: unknown[]; progress?: unknown; state: ReadState; refused?: unknown; threads?: number };

async function stage(file: string, options: StageOptions): Promise<Outcome> {
  const db = fakeDatabase();
  const state: ReadState = {};
  try {
    const { threads, ...progress } = await stageRows(db.sql, "run-1", file, {}, state, options);
    return { staged: db.staged.sort(), rejected: db.rejected().sort((a, b) => a.line - b.line), progress, state, threads };
  } catch (err) {
    if (!(err instanceof FileRefusedError)) throw err;
    // A refused file's rows are removed by the caller: only the refusal counts.
    return { refused: { key: err.key, lineNumber: err.lineNumber, detail: err.detail }, state: {} };
  }
}

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const ONE_THREAD: StageOptions = {};
const twoThreads = (splitNear?: number): StageOptions => ({ twoThreadsFromBytes: 0, splitNear });

/** A data line long enough that a few thousand make a file well past the 64 KiB the encoding is decided on. */
const row = (i: number, payee = "示例商户有限公司", account = "****1234") =>
  `2026-11-0${1 + (i % 9)} 10:${String(i % 60).padStart(2, "0")}:00,T${String(i % 9_999_999).padStart(7, "0")},${String(100_000_000_000_000 + i)},${payee},${account},${(i % 1000) + 1}.50,${String(i).padStart(12, "0")}`;
const HEADER = "交易时间,终端号,商户编号,收款方名称,结算账号,金额,检索参考号";
const file = (rows: string[], end = "\n") => [HEADER, ...rows].join(end) + end;

describe("staging a file in two parts (decision 044)", () => {
  it("stages what one thread stages, on random files (UTF-8 and GB18030, LF and CRLF, faults) split at random places", async () => {
    const random = seededRandom(44);
    let split = 0;
    let fellBack = 0;
    let refused = 0;
    for (let i = 0; i < 24; i++) {
      // The opening rows are clean and Chinese, so the encoding is settled in the first 64 KiB.
      const opening = Array.from({ length: 900 }, (_, k) => row(k));
      // Random 13+ digit runs pass Luhn often enough to refuse nearly every file: three in four lose them
      // (no card number starts with 0).
      const raw = randomFile(random, 2_500);
      const text = (i % 4 === 0 ? raw : raw.replace(/\d{13,}/g, (run) => `0${run.slice(1)}`)).replace(/^(\uFEFF?[^\n]*\n)/, (h) => h + opening.join(h.endsWith("\r\n") ? "\r\n" : "\n") + (h.endsWith("\r\n") ? "\r\n" : "\n"));
      const bytes = random() < 0.3 ? iconv.encode(text.replace(/^\uFEFF/, ""), "gb18030") : Buffer.from(text, "utf8");
      const name = write(`random-${i}.csv`, bytes);
      const near = Math.floor(bytes.length * (0.3 + random() * 0.5));
      const one = await stage(name, ONE_THREAD);
      const two = await stage(name, twoThreads(near));
      expect({ ...two, threads: undefined }, `file ${i}`).toEqual({ ...one, threads: undefined });
      if (two.threads === 2) split++;
      else if (two.refused === undefined) fellBack++;
      else refused++;
    }
    // Most files went through two threads; some splits fell inside a quoted line break.
    expect(split).toBeGreaterThan(12);
    expect(refused).toBeGreaterThan(2);
  });

  it("reads the second part on the worker: the rows, full accounts' blind indexes included, match one thread's", async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => row(i, i % 3 === 0 ? "ＡＢＣ  商户" : "示例商户有限公司", i % 2 === 0 ? `6222${String(i).padStart(15, "0")}` : "****1234"));
    rows[3_000] = "2026-13-01 10:00:00,T1234567,100000000000001,坏日期,****1234,1.00,1";
    const name = write("clean.csv", file(rows, "\r\n"));
    const one = await stage(name, ONE_THREAD);
    const two = await stage(name, twoThreads());
    expect(two.threads).toBe(2);
    expect(one.threads).toBe(1);
    expect(two).toEqual({ ...one, threads: 2 });
    expect(two.progress).toMatchObject({ rowsRead: 4_000, rowsStaged: 3_999, rowsRejected: 1 });
    expect(two.rejected).toMatchObject([{ line: 3_002 }]);
  });

  it("falls back to one thread when the split falls inside a quoted line break", async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => row(i));
    rows[2_000] = row(2_000, `"示例商户\n有限公司"`);
    const text = file(rows);
    const near = Buffer.byteLength(text.slice(0, text.indexOf("示例商户\n有限公司")), "utf8");
    const name = write("quoted-break.csv", text);
    const one = await stage(name, ONE_THREAD);
    const two = await stage(name, twoThreads(near));
    expect(two.threads).toBe(1);
    expect(two).toEqual(one);
    // The row after the quoted break is numbered from the line after it.
    expect(one.staged!.some((l) => l.includes("\t2004\t"))).toBe(true);
  });

  it("refuses as one thread does: a card number in the second part, and the first part's when both have one", async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => row(i));
    const withCard = (i: number) => row(i).replace(/,\d{12}$/, ",4111111111111111");
    rows[3_500] = withCard(3_500);
    const second = write("pan-second.csv", file(rows));
    expect((await stage(second, twoThreads())).refused).toEqual((await stage(second, ONE_THREAD)).refused);
    expect((await stage(second, twoThreads())).refused).toMatchObject({ key: "reconciliation.file.panFound", lineNumber: 3_502 });

    rows[100] = withCard(100);
    const both = write("pan-both.csv", file(rows));
    expect((await stage(both, twoThreads())).refused).toMatchObject({ key: "reconciliation.file.panFound", lineNumber: 102 });
  });

  it("refuses bad bytes and an unterminated quote in the second part as one thread does", async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => row(i));
    const text = Buffer.from(file(rows), "utf8");
    const badByte = Buffer.concat([text, Buffer.from([0xff, 0x0a])]);
    const bad = write("bad-byte.csv", badByte);
    expect((await stage(bad, twoThreads())).refused).toEqual({ key: "reconciliation.file.badEncoding", detail: { encoding: "utf-8" } });
    expect((await stage(bad, ONE_THREAD)).refused).toEqual((await stage(bad, twoThreads())).refused);

    const open = write("open-quote.csv", Buffer.concat([text, Buffer.from(`"never closed\n`)]));
    expect((await stage(open, twoThreads())).refused).toEqual({ key: "reconciliation.file.unterminatedQuote", lineNumber: 4_002 });
  });

  it("stays on one thread when the opening bytes leave the encoding open (all ASCII) or the file is small", async () => {
    const asciiHeader = "transaction_time,terminal_id,merchant_no,payee_name,settlement_account,amount,reference";
    const asciiRows = Array.from({ length: 4_000 }, (_, i) => row(i, "Example Shop Ltd"));
    const ascii = write("ascii.csv", [asciiHeader, ...asciiRows].join("\n") + "\n");
    expect((await stage(ascii, twoThreads())).threads).toBe(1);
    const small = write("small.csv", file(Array.from({ length: 4_000 }, (_, i) => row(i))));
    expect((await stage(small, { twoThreadsFromBytes: 10 * 1024 * 1024 })).threads).toBe(1);
  });
});
