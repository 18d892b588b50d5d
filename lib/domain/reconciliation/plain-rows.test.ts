import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiText, copiedFen, copiedTime, NAMES, nearAmountText, nearReferenceText, nearTimeText, plainAmountText, plainTimeText, ROW } from "@/test/plain-field-texts";
import { chunked, collect } from "@/test/reconciliation";
import { FileRefusedError, MAX_FIELD_LENGTH } from "./decode";
import { COLUMNS, mapHeader, type HeaderMap } from "./header";
import { PlainGrouper, type PlainGroup } from "./plain-groups";
import { MAX_KEY_FIELD_BYTES, PlainRowScanner, type NotPlainReason, type PlainVerdict } from "./plain-rows";
import { readTransactionFile, type FileRow } from "./read-file";

const HEADER = NAMES.join(",");
const utf8 = (text: string) => new TextEncoder().encode(text);

function headerOf(names: readonly string[]): HeaderMap {
  const mapped = mapHeader(names);
  if (!mapped.ok) throw new Error(`bad header ${names.join(",")}`);
  return mapped.header;
}
const scannerFor = (names: readonly string[]) => new PlainRowScanner(headerOf(names), names.length);

/** The verdict on a file fed in chunks of `sizes` bytes, taken in turn. */
function scan(file: string | Uint8Array, names: readonly string[] = NAMES, sizes: readonly number[] = [Infinity]): PlainVerdict {
  const scanner = scannerFor(names);
  const bytes = typeof file === "string" ? utf8(file) : file;
  for (let at = 0, n = 0; at < bytes.length; n++) {
    const size = Math.min(sizes[n % sizes.length]!, bytes.length - at);
    scanner.feed(bytes.subarray(at, at + size));
    at += size;
  }
  return scanner.end();
}

type Cells = Partial<Record<"time" | "terminal" | "payee" | "amount" | "reference", string>>;
/** A CSV line of ROW with some cells replaced by raw CSV text. */
const line = (c: Cells = {}) =>
  [c.time ?? ROW[0], c.terminal ?? ROW[1], ROW[2], c.payee ?? ROW[3], ROW[4], c.amount ?? ROW[5], c.reference ?? ROW[6]].join(",");
const file = (...lines: string[]) => [HEADER, ...lines].map((l) => `${l}\n`).join("");
const refused = (line: number, why: NotPlainReason) => ({ plain: false, line, why });

describe("PlainRowScanner: plain files", () => {
  it("counts the rows of LF and CRLF files, with or without a line end on the last line", () => {
    const lines = [HEADER, line(), line({ amount: "-0.5" }), line({ reference: "R-2026_10/07" })];
    for (const end of ["\n", "\r\n"]) {
      expect(scan(lines.join(end) + end)).toEqual({ plain: true, rows: 3 });
      expect(scan(lines.join(end))).toEqual({ plain: true, rows: 3 });
      expect(scan(HEADER + end)).toEqual({ plain: true, rows: 0 });
    }
  });

  it("takes quoted fields other than time, amount and reference, commas and \"\" included", () => {
    const text = file(line({ payee: '"Shop, ""Ltd"""' }), line({ terminal: '"T0010165"', payee: '""' }), line({ payee: '"基准, ""m"""' }));
    expect(scan(text)).toEqual({ plain: true, rows: 3 });
  });

  it("checks time, amount and reference where the header puts them", () => {
    const names = ["rrn", "amount", "备注", "mid", "tid", "time", "account_no", "payee_name"];
    const row = [ROW[6], ROW[5], "x", ROW[2], ROW[1], ROW[0], ROW[4], ROW[3]];
    expect(scan(`${names.join(",")}\n${row.join(",")}\n`, names)).toEqual({ plain: true, rows: 1 });
    expect(scan(`${names.join(",")}\n${[ROW[0], ...row.slice(1)].join(",")}\n`, names)).toEqual(refused(2, "reference"));
    expect(scan(`${names.join(",")}\n${row.slice(0, -1).join(",")}\n`, names)).toEqual(refused(2, "fieldCount"));
  });

  it("gives the same verdict whatever the chunk sizes, 1-byte chunks included", () => {
    const lines = fc.constantFrom(
      line(), line(), line({ payee: '"Shop, ""Ltd"""' }), line({ payee: '"a\nb"' }), line({ time: "2026-02-29 00:00:00" }), "",
      `${line()},x`, line({ payee: 'a"b' }), line({ payee: '"ab"c' }), line({ payee: "a\0b" }), `${ROW.slice(0, 3).join(",")},"open`,
    );
    const eol = fc.constantFrom("\n", "\n", "\r\n", "\r\n", "\r", "");
    const sizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(eol, fc.array(fc.tuple(lines, eol), { maxLength: 8 }), sizes, (headerEnd, rows, sizes) => {
      const text = HEADER + headerEnd + rows.map(([l, end]) => l + end).join("");
      const whole = scan(text);
      expect(scan(text, NAMES, sizes)).toEqual(whole);
      expect(scan(text, NAMES, [1])).toEqual(whole);
    }), { numRuns: 1000 });
  });
});

describe("PlainRowScanner: the rows it groups", () => {
  it("groups rows by their fields' text, however each cell is quoted and wherever the chunks cut them", () => {
    const value = fc.constantFrom("T0010165", "T001016", "基准m0005082", 'Shop, "Ltd"', "a,b", "", "****5082", "收款");
    const rowArb = fc.record({ key: fc.tuple(value, value, value, value), fen: fc.integer({ min: 0, max: 99_999 }), quote: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }) });
    const sizes = fc.array(fc.integer({ min: 1, max: 48 }), { minLength: 1, maxLength: 4 });
    const cell = (text: string, quote: boolean) => (quote || /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 30 }), sizes, (rows, sizes) => {
      const lines = rows.map((r) => [ROW[0], ...r.key.map((k, i) => cell(k, r.quote[i]!)), (r.fen / 100).toFixed(2), ROW[6]].join(","));
      const names = [NAMES[0]!, NAMES[1]!, NAMES[2]!, NAMES[3]!, NAMES[4]!, NAMES[5]!, NAMES[6]!];
      const grouper = new PlainGrouper(new Map(), MAX_KEY_FIELD_BYTES);
      const scanner = new PlainRowScanner(headerOf(names), names.length, grouper);
      const bytes = utf8(file(...lines));
      for (let at = 0, n = 0; at < bytes.length; n++) {
        const size = sizes[n % sizes.length]!;
        scanner.feed(bytes.subarray(at, at + size));
        at += size;
      }
      expect(scanner.end()).toEqual({ plain: true, rows: rows.length });
      const expected = new Map<string, { rows: number; fen: number; firstRow: number }>();
      rows.forEach((r, i) => {
        const id = JSON.stringify(r.key);
        const g = expected.get(id);
        if (g) [g.rows, g.fen] = [g.rows + 1, g.fen + r.fen];
        else expected.set(id, { rows: 1, fen: r.fen, firstRow: i });
      });
      const got = [...grouper.groups()].map((g: PlainGroup) => [JSON.stringify([g.terminal, g.merchant, g.payee, g.account]), { rows: g.rows, fen: g.fen, firstRow: g.firstRow }] as const);
      expect(new Map(got)).toEqual(expected);
      expect(got.length).toBe(expected.size);
    }), { numRuns: 500 });
  });
});

describe("PlainRowScanner: refusals, with their line (the header is line 1)", () => {
  it.each([
    ["too few fields", file(line(), ROW.slice(0, 6).join(",")), 3, "fieldCount"],
    ["too many fields", file(`${line()},x`), 2, "fieldCount"],
    ["an empty line", file(line(), "", line()), 3, "emptyLine"],
    ["a blank line at the end", file(line(), ""), 3, "emptyLine"],
    ["a newline inside quotes", file(line({ payee: '"a\nb"' })), 2, "newlineInQuotes"],
    ["a CRLF inside quotes in the header", `"交易\r\n时间",${NAMES.slice(1).join(",")}\r\n`, 1, "newlineInQuotes"],
    ["a quote inside an unquoted field", file(line(), line({ payee: 'a"b' })), 3, "strayQuote"],
    ["text after a closing quote", file(line({ payee: '"ab"c' })), 2, "strayQuote"],
    ["a lone CR", `${HEADER}\n${line()}\r${line()}\n`, 2, "lineEnd"],
    ["a CR ending the file", `${HEADER}\n${line()}\r`, 2, "lineEnd"],
    ["CRLF after an LF header", `${HEADER}\n${line()}\r\n`, 2, "lineEnd"],
    ["LF after a CRLF header", `${HEADER}\r\n${line()}\r\n${line()}\n`, 3, "lineEnd"],
    ["a NUL byte", file(line({ payee: "a\0b" })), 2, "nulByte"],
    ["a quote still open at the end", `${HEADER}\n${line()}\n${ROW.slice(0, 3).join(",")},"Shop`, 3, "unterminatedQuote"],
    ["a quoted time", file(line({ time: `"${ROW[0]}"` })), 2, "time"],
    ["a quoted amount", file(line({ amount: '"10.14"' })), 2, "amount"],
    ["a quoted reference", file(line({ reference: '"100000000000"' })), 2, "reference"],
  ] as const)("refuses %s", (_, text, lineNumber, why) => expect(scan(text)).toEqual(refused(lineNumber, why)));

  it("stops at the first refusal", () => {
    const scanner = scannerFor(NAMES);
    expect(scanner.feed(utf8(file(line(), line({ amount: "1." }), line({ time: "x" }))))).toBe(false);
    expect(scanner.feed(utf8(line()))).toBe(false);
    expect(scanner.end()).toEqual(refused(3, "amount"));
  });

  it.each([
    "2026/10/07 08:20:01", "2026-10-07T08:20:01", "2026-02-29 00:00:00", "2026-04-31 00:00:00", "2026-13-01 00:00:00",
    "2026-00-01 00:00:00", "2026-10-00 00:00:00", "2026-10-07 24:00:00", "2026-10-07 08:60:00", "2026-10-07 08:20:60",
    "0999-10-07 08:20:01", "2026-10-07 08:20:01+08:00", "2026-10-07 8:20:01", "2026-10-07 08:20:011", "２０２６-10-07 08:20:01",
  ])("refuses the time %j", (time) => expect(scan(file(line(), line({ time })))).toEqual(refused(3, "time")));

  it.each(["2024-02-29 00:00:00", "2000-02-29 12:00:00", "1000-01-01 00:00:00", "9999-12-31 23:59:59"])(
    "takes the time %j",
    (time) => expect(scan(file(line({ time })))).toEqual({ plain: true, rows: 1 }),
  );

  it.each(["+1", "1.", ".5", "1.234", "12345678901", " 1", "1 ", "1e3", "", "-", "--1", "１２"])(
    "refuses the amount %j",
    (amount) => expect(scan(file(line({ amount })))).toEqual(refused(2, "amount")),
  );

  it.each(["0", "-0.00", "007", "-1.5", "9999999999.99", "-9999999999.99"])(
    "takes the amount %j",
    (amount) => expect(scan(file(line({ amount })))).toEqual({ plain: true, rows: 1 }),
  );

  it.each(["", "R".repeat(65), "ab c", "ab\tc", "参考1", "R\x7f", "6222021234567", "622202-1234567", "R6222021234567890"])(
    "refuses the reference %j",
    (reference) => expect(scan(file(line({ reference })))).toEqual(refused(2, "reference")),
  );

  it.each(["622202123456", "622202--1234567", "622202a1234567", "622202-123456", "R".repeat(64), "~!#$%&'()*+-./:;<=>?@[\\]^_`{|}"])(
    "takes the reference %j",
    (reference) => expect(scan(file(line({ reference })))).toEqual({ plain: true, rows: 1 }),
  );
});

describe("a plain file, read by the app's reader", () => {
  const other = fc.string({ unit: "grapheme", maxLength: 12 }).filter((s) => !/[\r\n\0]/.test(s));
  const usually = <T,>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: odd });
  const rowArb = fc.record({
    transaction_time: usually(plainTimeText, nearTimeText),
    terminal_id: usually(fc.stringMatching(/^T\d{7}$/), other),
    merchant_no: usually(fc.stringMatching(/^0\d{14}$/), other),
    payee_name: usually(fc.constantFrom("基准m0005082", "Shop, \"Ltd\"", "商户"), other),
    settlement_account: usually(fc.stringMatching(/^\*{4}\d{4}$/), other),
    amount: usually(plainAmountText, nearAmountText),
    reference: usually(fc.oneof(fc.stringMatching(/^[\w\-./]{1,64}$/), fc.stringMatching(/^\d{1,14}(-{1,2}\d{1,8}){0,2}$/)), fc.oneof(nearReferenceText, asciiText)),
    备注: other,
  });
  const namesArb = fc
    .tuple(fc.shuffledSubarray<string>([...COLUMNS], { minLength: COLUMNS.length }), fc.option(fc.nat(COLUMNS.length)))
    .map(([names, at]) => (at === null ? names : [...names.slice(0, at), "备注", ...names.slice(at)]));
  const SPECIAL = new Set<string>(["transaction_time", "amount", "reference"]);
  const cell = (value: string, quote: boolean) => (quote || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

  it("has the time, amount and reference the database computes from the copied text, row for row", async () => {
    let plainFiles = 0;
    let acceptedRows = 0;
    const fileArb = fc.record({
      names: namesArb,
      rows: fc.array(rowArb, { maxLength: 8 }),
      end: fc.constantFrom("\n", "\r\n"),
      lastEnd: fc.boolean(),
      quoteOthers: fc.boolean(),
      sizes: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 4 }),
    });
    await fc.assert(fc.asyncProperty(fileArb, async ({ names, rows, end, lastEnd, quoteOthers, sizes }) => {
      const lines = [names.join(","), ...rows.map((row) => names.map((n) => cell(row[n as keyof typeof row], quoteOthers && !SPECIAL.has(n))).join(","))];
      const bytes = utf8(lines.join(end) + (lastEnd ? end : ""));
      const verdict = scan(bytes, names, sizes);
      if (!verdict.plain) return;
      plainFiles++;
      expect(verdict.rows).toBe(rows.length);
      const read: FileRow[] = [];
      for await (const row of readTransactionFile(chunked(bytes, sizes[0]!))) read.push(row);
      expect(read.length).toBe(verdict.rows);
      read.forEach((got, i) => {
        const sent = rows[i]!;
        expect(got.lineNumber).toBe(i + 2);
        if (got.kind === "rejected") {
          expect(got.problems.filter((p) => SPECIAL.has(p.field) || p.field === "_row")).toEqual([]);
          return;
        }
        acceptedRows++;
        expect(got.record.transactionAt.getTime()).toBe(copiedTime(sent.transaction_time));
        expect(got.record.amountFen).toBe(copiedFen(sent.amount));
        expect(got.record.reference).toBe(sent.reference);
      });
    }), { numRuns: 300 });
    expect(plainFiles).toBeGreaterThan(70);
    expect(acceptedRows).toBeGreaterThan(100);
  });

  it("is not plain when the reader refuses it for a quoted field longer than MAX_FIELD_LENGTH", async () => {
    expect(scan(utf8(file(line({ payee: `"${"x".repeat(MAX_FIELD_LENGTH)}"` })))).plain).toBe(true);
    expect(scan(utf8(file(line({ payee: `"${"x".repeat(MAX_FIELD_LENGTH - 1)}"""` })))).plain).toBe(true);
    expect(scan(utf8(file(line({ payee: `"${"x".repeat(MAX_FIELD_LENGTH)}"""` })))).plain).toBe(false);
    const bytes = utf8(file(line({ payee: `"${"x".repeat(MAX_FIELD_LENGTH + 1)}"` })));
    const refusal = await collect(readTransactionFile(chunked(bytes, 1024))).then(() => undefined, (err: FileRefusedError) => err.key);
    expect(refusal).toBe("reconciliation.file.unterminatedQuote");
    expect(scan(bytes).plain).toBe(false);
  });
});
