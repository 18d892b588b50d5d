import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { csvRecords, decodeText, FileRefusedError, type FileEncoding } from "./decode";
import { chunked, collect, fixture } from "@/test/reconciliation";

async function decodeAll(bytes: Uint8Array, chunkSize: number, sniffBytes?: number) {
  let encoding: FileEncoding | undefined;
  const parts = await collect(decodeText(chunked(bytes, chunkSize), { sniffBytes, onEncoding: (e) => (encoding = e) }));
  return { text: parts.join(""), encoding };
}

async function* strings(...parts: string[]) {
  yield* parts;
}

describe("decodeText", () => {
  it("strips a UTF-8 BOM", async () => {
    const { text, encoding } = await decodeAll(fixture("utf8-bom.csv"), 1 << 16);
    expect(encoding).toBe("utf-8");
    expect(text.startsWith("交易时间,")).toBe(true);
  });

  it("detects GB18030 and decodes Chinese names", async () => {
    const { text, encoding } = await decodeAll(fixture("gb18030.csv"), 7);
    expect(encoding).toBe("gb18030");
    expect(text).toContain("北京华联综合超市股份有限公司");
    expect(text).toContain("个体户李四（烟酒店）");
  });

  it("keeps a multibyte character split across chunks, with the sniff window ending mid-character", async () => {
    const source = "payee\n好又多超市\n";
    const bytes = Buffer.from(source, "utf8");
    // "好" starts at byte 6: a 7-byte sniff window and 1..4-byte chunks cut it in every possible place.
    for (const size of [1, 2, 3, 4, 7]) {
      const { text, encoding } = await decodeAll(bytes, size, 7);
      expect({ size, text, encoding }).toEqual({ size, text: source, encoding: "utf-8" });
    }
    const gb = iconv.encode(source, "gb18030");
    for (const size of [1, 3, 7]) {
      expect((await decodeAll(gb, size, 7)).text).toBe(source);
    }
  });

  it("switches to GB18030 at the first non-UTF-8 byte after an all-ASCII sniff window", async () => {
    const ascii = "h1,h2\n" + "a,b\n".repeat(10);
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode("好又多,超市\n", "gb18030")]);
    const seen: FileEncoding[] = [];
    const parts = await collect(decodeText(chunked(bytes, 8), { sniffBytes: 16, onEncoding: (e) => seen.push(e) }));
    expect(parts.join("")).toBe(`${ascii}好又多,超市\n`);
    expect(seen).toEqual(["utf-8", "gb18030"]);
  });

  it("refuses invalid UTF-8 after UTF-8 text was read", async () => {
    const bytes = Buffer.concat([Buffer.from("好又多\n" + "a,b\n".repeat(10)), iconv.encode("好又多\n", "gb18030")]);
    await expect(decodeAll(bytes, 8, 16)).rejects.toMatchObject({ key: "reconciliation.file.badEncoding" });
  });

  it("refuses non-UTF-8 bytes in a file that starts with a UTF-8 BOM", async () => {
    const bytes = Buffer.concat([Buffer.from("\uFEFFa,b\n".repeat(5)), iconv.encode("好又多\n", "gb18030")]);
    await expect(decodeAll(bytes, 8, 16)).rejects.toMatchObject({ key: "reconciliation.file.badEncoding" });
  });
});

describe("csvRecords", () => {
  it("assembles quoted fields with commas, doubled quotes and newlines, numbering physical lines", async () => {
    const records = await collect(csvRecords(strings('h1,h2\r\n"a, b","line1\r\nli', 'ne2 ""q"""\r\n\r\nx,', "y")));
    expect(records).toEqual([
      { lineNumber: 1, fields: ["h1", "h2"] },
      { lineNumber: 2, fields: ["a, b", 'line1\r\nline2 "q"'] },
      { lineNumber: 5, fields: ["x", "y"] },
    ]);
  });

  it("marks a stray quote as malformed, not dropped", async () => {
    const records = await collect(csvRecords(strings('a,b"c\n"d"e,f\nok,1\n')));
    expect(records).toEqual([
      { lineNumber: 1, fields: ["a", 'b"c'], malformed: "reconciliation.row.strayQuote" },
      { lineNumber: 2, fields: ["de", "f"], malformed: "reconciliation.row.strayQuote" },
      { lineNumber: 3, fields: ["ok", "1"] },
    ]);
  });

  it("refuses an unterminated quote with the line it opened on", async () => {
    const err = await collect(csvRecords(strings('h\nok\n"never closed\nmore\n'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileRefusedError);
    expect(err).toMatchObject({ key: "reconciliation.file.unterminatedQuote", lineNumber: 3 });
  });
});
