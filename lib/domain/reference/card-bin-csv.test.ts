import { describe, expect, it } from "vitest";
import { CARD_BIN_MAX_ROWS, parseCardBinCsv } from "./card-bin-csv";

describe("parseCardBinCsv", () => {
  it("reads English headers and card types", () => {
    const result = parseCardBinCsv("prefix,bank,card_type\n622848,中国农业银行,debit\n6225881,招商银行,CREDIT\n");
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { prefix: "622848", bankName: "中国农业银行", cardType: "DEBIT" },
      { prefix: "6225881", bankName: "招商银行", cardType: "CREDIT" },
    ]);
  });

  it("reads Chinese headers in any order, a BOM, CRLF, quotes and extra columns", () => {
    const csv = '\uFEFF卡种,卡BIN,发卡行,卡名\r\n借记卡,621700,中国建设银行,龙卡\r\n准贷记卡,"622280","中国银行, 长城",长城\r\n预付卡,６２０００１,某预付机构,\r\n贷记卡, 4367 48 ,中国建设银行,\r\n';
    const result = parseCardBinCsv(csv);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { prefix: "621700", bankName: "中国建设银行", cardType: "DEBIT" },
      { prefix: "622280", bankName: "中国银行, 长城", cardType: "CREDIT" },
      { prefix: "620001", bankName: "某预付机构", cardType: "PREPAID" },
      { prefix: "436748", bankName: "中国建设银行", cardType: "CREDIT" },
    ]);
  });

  it("reports every row error with its line and field, and returns no rows then", () => {
    const csv = [
      "prefix,bank,card_type", // 1
      "622848,中国农业银行,debit", // 2 ok
      "", // 3 blank: skipped, still counted
      "62284,短,debit", // 4 prefix too short
      "62284812345,长,debit", // 5 prefix too long
      "6228AB,字母,debit", // 6 non-digit
      "622848,重复,credit", // 7 duplicate of line 2
      ",,", // 8 all blank: skipped
      "622849,,gold", // 9 bank missing, unknown type
      `622850,${"行".repeat(61)},`, // 10 bank too long, type missing
      "622851,constructor,constructor", // 11 type that is an Object.prototype key
    ].join("\n");
    const result = parseCardBinCsv(csv);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { line: 4, field: "prefix", message: "validation.cardBin.prefix" },
      { line: 5, field: "prefix", message: "validation.cardBin.prefix" },
      { line: 6, field: "prefix", message: "validation.cardBin.prefix" },
      { line: 7, field: "prefix", message: "validation.cardBin.duplicate" },
      { line: 9, field: "bank", message: "validation.required" },
      { line: 9, field: "cardType", message: "validation.cardBin.cardType" },
      { line: 10, field: "bank", message: "validation.tooLong" },
      { line: 10, field: "cardType", message: "validation.required" },
      { line: 11, field: "cardType", message: "validation.cardBin.cardType" },
    ]);
  });

  it("counts lines inside a quoted multi-line field", () => {
    const result = parseCardBinCsv('prefix,bank,card_type\n622848,"农业\n银行",debit\n1,x,debit\n');
    expect(result.errors).toEqual([{ line: 4, field: "prefix", message: "validation.cardBin.prefix" }]);
  });

  it("treats a duplicate written differently (full-width, spaces) as a duplicate", () => {
    const result = parseCardBinCsv("prefix,bank,card_type\n622848,A,debit\n６２２ ８４８,B,debit\n");
    expect(result.errors).toEqual([{ line: 3, field: "prefix", message: "validation.cardBin.duplicate" }]);
  });

  it("refuses a file without the expected header, an empty file and a header-only file", () => {
    expect(parseCardBinCsv("622848,中国农业银行,debit\n").errors).toEqual([{ line: 1, field: "file", message: "validation.cardBin.header" }]);
    expect(parseCardBinCsv("prefix,bank\n622848,x\n").errors).toEqual([{ line: 1, field: "file", message: "validation.cardBin.header" }]);
    expect(parseCardBinCsv("prefix,bin,bank,card_type\n").errors).toEqual([{ line: 1, field: "file", message: "validation.cardBin.header" }]);
    expect(parseCardBinCsv("").errors).toEqual([{ line: 1, field: "file", message: "validation.cardBin.empty" }]);
    expect(parseCardBinCsv("\n\n").errors).toEqual([{ line: 1, field: "file", message: "validation.cardBin.empty" }]);
    expect(parseCardBinCsv("prefix,bank,card_type\n").errors).toEqual([{ line: 2, field: "file", message: "validation.cardBin.noRows" }]);
  });

  it("accepts tab- and semicolon-separated files", () => {
    expect(parseCardBinCsv("prefix\tbank\tcard_type\n622848\tABC\tdebit\n").rows).toHaveLength(1);
    expect(parseCardBinCsv("prefix;bank;card_type\n622848;ABC;debit\n").rows).toHaveLength(1);
  });

  it("reports an unterminated quote as a malformed line", () => {
    const result = parseCardBinCsv('prefix,bank,card_type\n622848,"ABC,debit\n');
    expect(result.rows).toEqual([]);
    expect(result.errors[0]).toMatchObject({ line: 2, field: "file", message: "validation.cardBin.malformed" });
  });

  it("stops at the row limit", () => {
    const lines = ["prefix,bank,card_type", ...Array.from({ length: CARD_BIN_MAX_ROWS + 1 }, (_, i) => `${600000 + i},B,debit`)];
    const result = parseCardBinCsv(lines.join("\n"));
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: CARD_BIN_MAX_ROWS + 2, field: "file", message: "validation.cardBin.tooManyRows" }]);
  });
});

describe("row errors as field errors", () => {
  it("round-trips line, field and message in file order", async () => {
    const { cardBinErrorsFrom, cardBinFieldErrors } = await import("./card-bin-csv");
    const { errors } = parseCardBinCsv("prefix,bank,card_type\n1,,x\n622848,A,debit\n622848,A,debit\n");
    const fieldErrors = cardBinFieldErrors(errors);
    expect(fieldErrors).toEqual({
      "rows.2.prefix": ["validation.cardBin.prefix"],
      "rows.2.bank": ["validation.required"],
      "rows.2.cardType": ["validation.cardBin.cardType"],
      "rows.4.prefix": ["validation.cardBin.duplicate"],
    });
    expect(cardBinErrorsFrom({ ...fieldErrors, _form: ["x"], "rows.x.prefix": ["y"] })).toEqual(errors);
  });
});
