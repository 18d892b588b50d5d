import { describe, expect, it } from "vitest";
import { mapHeader, normalizeHeaderName } from "./header";

describe("mapHeader", () => {
  it("maps Chinese names (with a BOM) to canonical columns", () => {
    const r = mapHeader(["\uFEFF交易时间", "终端号", "商户编号", "收款方名称", "结算账号", "金额", "交易参考号"]);
    expect(r.ok && r.header.positions).toEqual({
      transaction_time: 0, terminal_id: 1, merchant_no: 2, payee_name: 3, settlement_account: 4, amount: 5, reference: 6,
    });
  });

  it("ignores case, spaces, _ and -, full-width forms, and lists extra columns", () => {
    const r = mapHeader(["Amount", " TXN_TIME ", "Terminal-ID", "ＭＥＲＣＨＡＮＴ＿ＮＯ", "商户名称", "结算 账户", "RRN", "渠道"]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.header.positions.merchant_no).toBe(3);
    expect(r.header.positions.transaction_time).toBe(1);
    expect(r.header.ignored).toEqual([{ position: 7, name: "渠道" }]);
  });

  it("reports every missing column and duplicates with their positions", () => {
    const r = mapHeader(["交易时间", "终端号", "终端编号", "商户号", "金额"]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { key: "reconciliation.header.duplicateColumn", column: "terminal_id", positions: [1, 2] },
      { key: "reconciliation.header.missingColumn", column: "payee_name" },
      { key: "reconciliation.header.missingColumn", column: "settlement_account" },
      { key: "reconciliation.header.missingColumn", column: "reference" },
    ]);
  });

  it("normalises names", () => {
    expect(normalizeHeaderName("\uFEFF 金额（元）")).toBe("金额(元)");
    expect(normalizeHeaderName("Settlement_Account-No")).toBe("settlementaccountno");
  });
});
