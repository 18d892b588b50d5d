import { describe, expect, it } from "vitest";
import { readTransactionFile, type FileRow, type ReadState } from "./read-file";
import { FileRefusedError } from "./decode";
import { chunked, collect, fixture } from "@/test/reconciliation";

async function read(name: string, chunkSize = 5) {
  const state: ReadState = {};
  const rows = await collect(readTransactionFile(chunked(fixture(name), chunkSize), state));
  return { rows, state };
}

const accepted = (rows: FileRow[]) => rows.flatMap((r) => (r.kind === "accepted" ? [r] : []));

describe("readTransactionFile", () => {
  it("reads a UTF-8 file with a BOM and Chinese headers", async () => {
    const { rows, state } = await read("utf8-bom.csv");
    expect(state.encoding).toBe("utf-8");
    expect(rows.map((r) => [r.kind, r.lineNumber])).toEqual([["accepted", 2], ["accepted", 3]]);
    expect(accepted(rows)[1]?.record).toMatchObject({
      transactionAt: new Date("2026-11-20T02:16:00Z"),
      payeeName: "张记面馆(南京路店)",
      account: { last4: "0128", full: "6222021234567890128" },
    });
  });

  it("reads a GB18030 file with Chinese payee names", async () => {
    const { rows, state } = await read("gb18030.csv", 3);
    expect(state.encoding).toBe("gb18030");
    expect(accepted(rows).map((r) => [r.record.payeeName, r.record.account, r.record.amountFen])).toEqual([
      ["北京华联综合超市股份有限公司", { last4: "5678" }, 8800],
      ["个体户李四(烟酒店)", { last4: "5678", maskedPrefix: "6217" }, 990],
    ]);
  });

  it("accepts header variants and ignores extra columns", async () => {
    const { rows, state } = await read("header-variants.csv");
    expect(state.header?.ignored).toEqual([{ position: 7, name: "channel" }]);
    expect(accepted(rows)[0]?.record).toMatchObject({ payeeName: "Hao Da Supermarket, Pudong", amountFen: -1200 });
  });

  it("keeps a quoted payee name with a comma and a newline, numbering by physical line", async () => {
    const { rows } = await read("quoted-newline.csv");
    expect(rows.map((r) => r.lineNumber)).toEqual([2, 4]);
    expect(accepted(rows)[0]?.record.payeeName).toBe('Line one, with comma line two "quoted"');
  });

  it("refuses a file holding a full card number, saying where", async () => {
    const err = await collect(readTransactionFile(chunked(fixture("pan-in-reference.csv"), 64))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileRefusedError);
    expect(err).toMatchObject({ key: "reconciliation.file.panFound", lineNumber: 3, detail: { columns: ["reference"] } });
  });

  it("lists malformed rows with line numbers; accepted + rejected = data rows", async () => {
    const { rows } = await read("malformed-rows.csv");
    const rejected = rows.flatMap((r) => (r.kind === "rejected" ? [[r.lineNumber, r.problems.map((p) => p.key)]] : []));
    expect(rejected).toEqual([
      [3, ["reconciliation.row.badTime"]],
      [4, ["reconciliation.row.badTerminalId"]],
      [6, ["reconciliation.row.badAmount"]],
      [7, ["reconciliation.row.badAccount"]],
      [8, ["reconciliation.row.tooFewFields"]],
      [9, ["reconciliation.row.strayQuote"]],
    ]);
    expect(accepted(rows).map((r) => r.lineNumber)).toEqual([2, 10]);
    const dataRows = fixture("malformed-rows.csv").toString("utf8").split("\n").slice(1).filter((l) => l !== "").length;
    expect(rows.length).toBe(dataRows);
  });

  it("refuses a file whose header lacks columns", async () => {
    const bytes = Buffer.from("交易时间,终端号\n2026-11-20 10:15:00,T0012345\n");
    const err = await collect(readTransactionFile(chunked(bytes, 100))).catch((e: unknown) => e);
    expect(err).toMatchObject({ key: "reconciliation.file.badHeader", lineNumber: 1 });
    expect((err as FileRefusedError).detail?.problems).toHaveLength(5);
  });

  it("refuses an empty file", async () => {
    await expect(collect(readTransactionFile(chunked(new Uint8Array(0), 1)))).rejects.toMatchObject({ key: "reconciliation.file.empty" });
  });
});
