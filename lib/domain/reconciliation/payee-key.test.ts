import { describe, expect, it } from "vitest";
import { PAYEE_KEY_MAP, payeeKey } from "./payee-key";

describe("payeeKey", () => {
  it("folds full-width, case and spaces", () => {
    expect(payeeKey("  ＡＢＣ　Trading   Co（上海）  ")).toBe("abc trading co(上海)");
    expect(payeeKey("HK Golden\u00A0TRADING")).toBe(payeeKey("hk golden trading"));
  });
  it("drops zero-width characters and keeps Chinese as is", () => {
    expect(payeeKey("上海\u200B鑫达")).toBe("上海鑫达");
  });
  it("tells different names apart", () => {
    expect(payeeKey("个体户王五")).not.toBe(payeeKey("个体户张三"));
  });
  it("is idempotent", () => {
    const s = " Ｘｙ　 z ";
    expect(payeeKey(payeeKey(s))).toBe(payeeKey(s));
  });
  it("maps one character to at most one", () => {
    expect(PAYEE_KEY_MAP.to.length).toBeLessThan(PAYEE_KEY_MAP.from.length);
  });
});
