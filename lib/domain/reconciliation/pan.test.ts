import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { luhnValid } from "@/lib/domain/validation/bank-card";
import { foldFullWidth } from "@/lib/domain/validation/normalize";
import { containsPan, hasPanField, panPositions } from "./pan";
import { mapHeader } from "./header";

describe("containsPan", () => {
  it.each([
    "4111111111111111",
    "4111 1111 1111 1111",
    "4111-1111-1111-1111",
    "卡号６２２２０２１２３４５６７８９０１２８结束",
    "6222021234567890128",
    "378282246310005", // 15-digit Amex test number
  ])("finds %s", (text) => expect(containsPan(text)).toBe(true));

  it.each([
    "4111111111111112", // Luhn fails
    "432912345678", // 12-digit RRN
    "0000000000000000", // passes Luhn but starts with 0
    "41111111111111111111", // 20 digits is not a card number
    "2026-11-20 10:15:00",
    "128.50",
    "4111  1111 1111 1111", // two spaces break the run: groups of 4 only
  ])("does not take %s for a card number", (text) => expect(containsPan(text)).toBe(false));
});

describe("panPositions", () => {
  const mapped = mapHeader(["transaction_time", "terminal_id", "merchant_no", "payee_name", "settlement_account", "amount", "reference", "note"]);
  if (!mapped.ok) throw new Error("header");
  const row = ["2026-11-20 10:15:00", "T0012345", "102310058120001", "好又多", "6222021234567890128", "1.00", "432912345678", ""];

  it("exempts a full settlement account and a valid merchant number", () => {
    expect(panPositions(row, mapped.header)).toEqual([]);
  });

  it("flags a PAN in any other column, extra columns included", () => {
    const withPans = [...row];
    withPans[3] = "持卡人 4111 1111 1111 1111";
    withPans[7] = "6222021234567890128";
    expect(panPositions(withPans, mapped.header)).toEqual([3, 7]);
  });

  it("flags a PAN in the merchant number column when it is not a merchant number", () => {
    const bad = [...row];
    bad[2] = "4111111111111111";
    expect(panPositions(bad, mapped.header)).toEqual([2]);
  });

  it("hasPanField is panPositions(…).length > 0", () => {
    const cells = fc.constantFrom("", "T0012345", "102310058120001", "4111111111111111", "6222021234567890128", "持卡人 4111 1111 1111 1111", "0411111111111111", "好又多");
    fc.assert(fc.property(fc.array(cells, { minLength: 0, maxLength: 9 }), (fields) => {
      expect(hasPanField(fields, mapped.header)).toBe(panPositions(fields, mapped.header).length > 0);
    }), { numRuns: 2000 });
  });
});

describe("containsPan's pre-check skips only what the full scan would not find", () => {
  // The scan without the pre-check: every digit run, joined and by group, through Luhn.
  const fullScan = (text: string) =>
    [...foldFullWidth(text).matchAll(/\d(?:[ \-]?\d)*/g)].some((m) =>
      [m[0].replace(/[ \-]/g, ""), ...m[0].split(/[ \-]/)].some((d) => d.length >= 13 && d.length <= 19 && d[0] !== "0" && luhnValid(d)),
    );
  const pieces = fc.constantFrom("4111", "1111", "4", "1", "0", "６", "１", " ", "  ", "-", "－", "--", "x", "卡", "\u3000");

  it("agrees with the full scan on runs of digits, joiners and text", () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
      const text = parts.join("");
      expect(containsPan(text)).toBe(fullScan(text));
    }), { numRuns: 5000 });
  });

  it("agrees with the full scan on text of ASCII digits only", () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{0,24}$/), (text) => {
      expect(containsPan(text)).toBe(fullScan(text));
    }), { numRuns: 5000 });
    for (const text of ["4111111111111111", "0411111111111111", "4111111111111", "411111111111", "41111111111111111111"]) {
      expect(containsPan(text)).toBe(fullScan(text));
    }
  });

  it.each(["4111  1111 1111 1111", "4111--1111-1111-1111", "4111\u30001111\u30001111\u30001111"])("a double or ideographic joiner breaks the run: %s", (text) =>
    expect(containsPan(text)).toBe(false));
  it("a full-width dash joins like a dash", () => expect(containsPan("4111－1111－1111－1111")).toBe(true));
});
