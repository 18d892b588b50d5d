import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "messages", `${locale}.json`), "utf8"));

/** The dashboard's nested plurals, formatted for real in both languages (the key test only compares placeholders). */
describe("dashboard pair summary", () => {
  const en = createTranslator({ locale: "en", messages: load("en"), namespace: "dashboard.pairs" });
  const zh = createTranslator({ locale: "zh-CN", messages: load("zh-CN"), namespace: "dashboard.pairs" });

  it("reads naturally for none, one and many pairs", () => {
    expect(en("summary", { tested: 0, flagged: 0 })).toBe("No maker–checker pairs in the period.");
    expect(en("summary", { tested: 1, flagged: 0 })).toBe("1 pair tested, none flagged.");
    expect(en("summary", { tested: 12, flagged: 2 })).toBe("12 pairs tested, 2 flagged.");
    expect(zh("summary", { tested: 0, flagged: 0 })).toBe("统计期间内没有录入—复核搭档。");
    expect(zh("summary", { tested: 12, flagged: 1 })).toBe("共检验 12 对搭档，其中 1 对被标记。");
  });

  it("explains a pair with every number", () => {
    const values = { maker: "A", checker: "V", observed: 5, makerTotal: 5, checkerTotal: 5, eligibleTotal: 25, share: "20%", expected: "1", pValue: "3.2E-4" };
    expect(en("why.verifier", values)).toBe(
      "Of the 5 blind re-keys of A's entries, V did 5. V did 5 of the 25 re-keys by people other than A (20%), so random assignment would give about 1. The chance of 5 or more at random is 3.2E-4.",
    );
    expect(zh("why.approver", values)).toContain("随机分配预期约 1 次");
  });
});
