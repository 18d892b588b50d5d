import { describe, expect, it } from "vitest";
import { beijingDate, beijingDayBounds, makeCardholderReportSchema, yuanOf } from "./cardholder-report";

// 2026-11-25 23:30 in Beijing is still the 25th there, though UTC says 15:30 the same day;
// 00:30 on the 26th in Beijing is 16:30 UTC on the 25th.
const lateEvening = new Date("2026-11-25T15:30:00Z");
const afterMidnight = new Date("2026-11-25T16:30:00Z");

describe("cardholder report dates follow the Beijing calendar", () => {
  it("names the Beijing day of an instant and the instants a day spans", () => {
    expect(beijingDate(lateEvening)).toBe("2026-11-25");
    expect(beijingDate(afterMidnight)).toBe("2026-11-26");
    expect(beijingDayBounds("2026-11-26")).toEqual({ start: new Date("2026-11-25T16:00:00Z"), end: new Date("2026-11-26T16:00:00Z") });
  });

  it("accepts today in Beijing even when it is tomorrow in UTC's eyes, and refuses the day after", () => {
    const schema = makeCardholderReportSchema(() => afterMidnight);
    const base = { merchantName: "示例超市", payeeShown: "某某公司" };
    expect(schema.safeParse({ ...base, occurredOn: "2026-11-26" }).success).toBe(true);
    expect(schema.safeParse({ ...base, occurredOn: "2026-11-27" }).error?.issues.map((i) => i.message)).toEqual(["validation.cardholderReport.dateInFuture"]);
    expect(schema.safeParse({ ...base, occurredOn: "2025-11-26" }).success).toBe(true);
    expect(schema.safeParse({ ...base, occurredOn: "2025-11-25" }).error?.issues.map((i) => i.message)).toEqual(["validation.cardholderReport.dateTooOld"]);
  });
});

describe("amounts", () => {
  it("are kept as fen and shown as yuan with two decimals", () => {
    const schema = makeCardholderReportSchema(() => lateEvening);
    const amountOf = (amount: string) => schema.parse({ merchantName: "x", payeeShown: "y", occurredOn: "2026-11-25", amount }).amount;
    expect([amountOf("58.5"), amountOf("￥1,234.05"), amountOf("")]).toEqual([5850, 123405, null]);
    expect([yuanOf(5850), yuanOf(1), yuanOf(123405)]).toEqual(["58.50", "0.01", "1234.05"]);
  });
});
