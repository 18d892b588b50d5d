import { describe, expect, it } from "vitest";
import { parseAmountFen, parseRow, parseSettlementAccount, parseTransactionTime } from "./row";
import { mapHeader } from "./header";

describe("parseTransactionTime", () => {
  it("reads a zone-less time as Beijing time", () => {
    expect(parseTransactionTime("2026-11-20 10:15:00")?.toISOString()).toBe("2026-11-20T02:15:00.000Z");
    expect(parseTransactionTime("2026/11/20 10:15:00")?.toISOString()).toBe("2026-11-20T02:15:00.000Z");
  });

  it("honours ISO 8601 offsets and Z", () => {
    expect(parseTransactionTime("2026-11-20T10:15:00+08:00")?.toISOString()).toBe("2026-11-20T02:15:00.000Z");
    expect(parseTransactionTime("2026-11-20T10:15:00.25-0500")?.toISOString()).toBe("2026-11-20T15:15:00.250Z");
    expect(parseTransactionTime("2026-11-20T02:15:00Z")?.toISOString()).toBe("2026-11-20T02:15:00.000Z");
  });

  it.each(["2026-02-30 10:00:00", "2026-11-20 24:00:00", "2026-11-20", "20/11/2026 10:00:00", "2026-11-20T10:00:00+15:00", ""])(
    "refuses %j",
    (raw) => expect(parseTransactionTime(raw)).toBeNull(),
  );
});

describe("parseAmountFen", () => {
  it("reads yuan to fen", () => {
    expect(parseAmountFen("128.50")).toBe(12850);
    expect(parseAmountFen("35")).toBe(3500);
    expect(parseAmountFen("0.1")).toBe(10);
    expect(parseAmountFen("-12.00")).toBe(-1200);
  });
  it.each(["12.345", "12345678901.00", "1,000.00", "¥5", "", "abc", "-"])("refuses %j", (raw) => expect(parseAmountFen(raw)).toBeNull());
});

describe("parseSettlementAccount", () => {
  it("keeps a full number (for a blind index) and its last 4", () => {
    expect(parseSettlementAccount("6222 0212 3456 7890 128")).toEqual({ last4: "0128", full: "6222021234567890128" });
  });
  it("reads masked forms", () => {
    expect(parseSettlementAccount("****1234")).toEqual({ last4: "1234" });
    expect(parseSettlementAccount("6222********1234")).toEqual({ last4: "1234", maskedPrefix: "6222" });
    expect(parseSettlementAccount("6222 **** **** 1234")).toEqual({ last4: "1234", maskedPrefix: "6222" });
    expect(parseSettlementAccount("xxxx5678")).toEqual({ last4: "5678" });
  });
  it.each(["12**34", "1234", "****123", "6222-ABCD-1234", ""])("refuses %j", (raw) => expect(parseSettlementAccount(raw)).toBeNull());
});

describe("parseRow", () => {
  const mapped = mapHeader(["transaction_time", "terminal_id", "merchant_no", "payee_name", "settlement_account", "amount", "reference"]);
  if (!mapped.ok) throw new Error("header");
  const header = mapped.header;

  it("returns a typed record", () => {
    const r = parseRow(["2026-11-20 10:15:00", " T0012345 ", "102310058120001", " 张记面馆（南京路店） ", "****1234", "35.00", "432912345679"], header);
    expect(r).toEqual({
      ok: true,
      record: {
        transactionAt: new Date("2026-11-20T02:15:00Z"),
        terminalId: "T0012345",
        merchantNo: "102310058120001",
        payeeName: "张记面馆(南京路店)",
        account: { last4: "1234" },
        amountFen: 3500,
        reference: "432912345679",
      },
    });
  });

  it("lists every bad field with its message key and validation code", () => {
    const r = parseRow(["yesterday", "t0012345", "10231005812000", "", "12**34", "1.234", ""], header);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { field: "transaction_time", key: "reconciliation.row.badTime" },
      { field: "terminal_id", key: "reconciliation.row.badTerminalId", code: "BAD_CHARSET" },
      { field: "merchant_no", key: "reconciliation.row.badMerchantNo", code: "BAD_LENGTH" },
      { field: "payee_name", key: "reconciliation.row.payeeNameRequired" },
      { field: "settlement_account", key: "reconciliation.row.badAccount" },
      { field: "amount", key: "reconciliation.row.badAmount" },
      { field: "reference", key: "reconciliation.row.referenceRequired" },
    ]);
  });

  it("rejects a short row as a whole", () => {
    expect(parseRow(["2026-11-20 10:15:00", "T0012345"], header)).toEqual({
      ok: false,
      problems: [{ field: "_row", key: "reconciliation.row.tooFewFields" }],
    });
  });
});
