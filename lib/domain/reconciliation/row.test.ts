import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldFullWidth } from "@/lib/domain/validation/normalize";
import { daysFromCivil, daysInMonth, parseAmountFen, parseRow, parseSettlementAccount, parseTransactionTime, wallClockAt } from "./row";
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

describe("wallClockAt", () => {
  const iso = (...args: Parameters<typeof wallClockAt>) => wallClockAt(...args)?.toISOString() ?? null;

  it("accepts 29 February only in a leap year", () => {
    expect(iso(2024, 2, 29, 0, 0, 0, 0, 0)).toBe("2024-02-29T00:00:00.000Z");
    expect(iso(2000, 2, 29, 0, 0, 0, 0, 0)).toBe("2000-02-29T00:00:00.000Z");
    expect(iso(2026, 2, 29, 0, 0, 0, 0, 0)).toBeNull();
    expect(iso(1900, 2, 29, 0, 0, 0, 0, 0)).toBeNull();
    expect(iso(2026, 2, 30, 0, 0, 0, 0, 0)).toBeNull();
  });

  it("refuses fields out of range instead of rolling them over", () => {
    expect(iso(2026, 11, 20, 23, 59, 59, 999, 0)).toBe("2026-11-20T23:59:59.999Z");
    expect(iso(2026, 11, 20, 24, 0, 0, 0, 0)).toBeNull();
    expect(iso(2026, 11, 20, 10, 60, 0, 0, 0)).toBeNull();
    expect(iso(2026, 11, 20, 10, 0, 60, 0, 0)).toBeNull();
    expect(iso(2026, 4, 31, 0, 0, 0, 0, 0)).toBeNull();
    expect(iso(2026, 0, 1, 0, 0, 0, 0, 0)).toBeNull();
    expect(iso(2026, 13, 1, 0, 0, 0, 0, 0)).toBeNull();
    expect(iso(2026, 1, 0, 0, 0, 0, 0, 0)).toBeNull();
  });

  it("keeps years 0–99 as they are (no 19xx)", () => {
    expect(iso(99, 12, 31, 0, 0, 0, 0, 0)).toBe("0099-12-31T00:00:00.000Z");
    expect(iso(0, 2, 29, 12, 0, 0, 0, 0)).toBe("0000-02-29T12:00:00.000Z");
    expect(iso(0, 1, 1, 0, 0, 0, 0, 0)).toBe("0000-01-01T00:00:00.000Z");
    expect(parseTransactionTime("0099-01-01 08:00:00")?.toISOString()).toBe("0099-01-01T00:00:00.000Z");
  });

  it("subtracts the offset (minutes east of UTC)", () => {
    expect(iso(2026, 1, 1, 0, 0, 0, 0, 480)).toBe("2025-12-31T16:00:00.000Z");
    expect(iso(2026, 12, 31, 23, 0, 0, 0, -330)).toBe("2027-01-01T04:30:00.000Z");
    expect(iso(2026, 3, 1, 7, 59, 59, 0, 480)).toBe("2026-02-28T23:59:59.000Z");
  });

  it("counts days as Date does on every day of sample years (leap, century, 0–99, 9999)", () => {
    const date = new Date(0);
    for (const y of [0, 1, 4, 99, 100, 1969, 1970, 1999, 2000, 2024, 2026, 9999]) {
      for (let mo = 1; mo <= 12; mo++) {
        for (let d = 1; d <= daysInMonth(y, mo); d++) {
          date.setUTCFullYear(y, mo - 1, d);
          expect(date.getUTCMonth() + 1).toBe(mo);
          expect(daysFromCivil(y, mo, d) * 86_400_000).toBe(date.getTime());
        }
        date.setUTCFullYear(y, mo - 1, daysInMonth(y, mo) + 1);
        expect(date.getUTCDate()).toBe(1);
      }
    }
  });
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

describe("parseAmountFen and parseSettlementAccount read as the regexes they replace", () => {
  const amountByRegex = (raw: string): number | null => {
    const m = /^(-?)(\d{1,10})(?:\.(\d{1,2}))?$/.exec(foldFullWidth(raw).trim());
    if (m === null) return null;
    const fen = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
    return m[1] === "-" && fen !== 0 ? -fen : fen;
  };
  const accountByRegex = (raw: string) => {
    const s = foldFullWidth(raw).replace(/[\s\-]+/g, "");
    if (/^\d{8,30}$/.test(s)) return { last4: s.slice(-4), full: s };
    const m = /^(\d{0,6})[*xX•]{2,}(\d{4})$/.exec(s);
    if (m === null) return null;
    return m[1] === "" ? { last4: m[2]! } : { last4: m[2]!, maskedPrefix: m[1]! };
  };

  it("amounts", () => {
    const piece = fc.constantFrom("0", "1", "9", "5", "-", ".", " ", "１", "．", "－", "a", "+", ",", "00", "999999");
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
      const raw = parts.join("");
      expect(parseAmountFen(raw)).toBe(amountByRegex(raw));
    }), { numRuns: 20000 });
    for (const raw of ["9999999999.99", "-9999999999.99", "99999999999", "-0", "-0.00", "0.5", "12.", ".5", "--1", "1.2.3"]) {
      expect(parseAmountFen(raw)).toBe(amountByRegex(raw));
    }
  });

  it("accounts", () => {
    const piece = fc.constantFrom("0", "1", "9", "6222", "1234", "*", "**", "x", "X", "•", "＊", "１", " ", "-", "\u3000", "a", "#");
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
      const raw = parts.join("");
      expect(parseSettlementAccount(raw)).toEqual(accountByRegex(raw));
    }), { numRuns: 20000 });
    for (const raw of ["1234567", "12345678", "1".repeat(30), "1".repeat(31), "123456**1234", "1234567**1234", "**12345", "*1234", "12•x*1234"]) {
      expect(parseSettlementAccount(raw)).toEqual(accountByRegex(raw));
    }
  });
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

  it("refuses a reference with a control character", () => {
    const row = (reference: string) => ["2026-11-20 10:15:00", "T0012345", "102310058120001", "好又多", "****1234", "1.00", reference];
    for (const reference of ["4329\u00001", "4329\u001F1", "4329\u007F1", "4329\t1"]) {
      expect(parseRow(row(reference), header)).toEqual({ ok: false, problems: [{ field: "reference", key: "reconciliation.row.badReference" }] });
    }
    expect(parseRow(row("4329\u00801"), header).ok).toBe(true);
  });

  it("rejects a short row as a whole", () => {
    expect(parseRow(["2026-11-20 10:15:00", "T0012345"], header)).toEqual({
      ok: false,
      problems: [{ field: "_row", key: "reconciliation.row.tooFewFields" }],
    });
  });
});
