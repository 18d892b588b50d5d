import { describe, expect, it } from "vitest";
import { columnOfPath, headerProblems, rowToApplication, TEMPLATE_COLUMNS } from "./columns";

describe("import columns", () => {
  it("the template's header has no problems; unknown, doubled and missing columns are named", () => {
    expect(headerProblems(TEMPLATE_COLUMNS)).toEqual([]);
    const problems = headerProblems(["legal_name", "legal_name", "colour", "terminal_51_id"]);
    expect(problems).toContainEqual({ message: "file.duplicateColumn", column: "legal_name" });
    expect(problems).toContainEqual({ message: "file.unknownColumn", column: "colour" });
    expect(problems).toContainEqual({ message: "file.unknownColumn", column: "terminal_51_id" });
    expect(problems).toContainEqual({ message: "file.missingColumn", column: "mcc" });
    expect(problems).toContainEqual({ message: "file.missingColumn", column: "terminal_1_id" });
  });

  it("a row becomes the form's input: enums upper-cased, cells trimmed, wholly blank terminal groups skipped", () => {
    const { data, merchantNo, row } = rowToApplication(
      { merchant_no: " m1 ", merchant_type: "micro", legal_name: " 小店 ", account_type: "personal", terminal_1_id: "", terminal_2_id: "12345678", terminal_2_serial: "SN1", terminal_2_address: "" },
      7,
    );
    expect(row).toBe(7);
    expect(merchantNo).toBe("M1");
    expect(data.merchant).toMatchObject({ type: "MICRO", legalName: "小店", creditCode: "" });
    expect(data.account.accountType).toBe("PERSONAL");
    expect(data.terminals).toEqual([{ terminalId: "12345678", serialNo: "SN1", installAddress: "" }]);
  });

  it("a field error is reported at the file's column", () => {
    expect(columnOfPath("merchant.creditCode")).toBe("credit_code");
    expect(columnOfPath("account.accountNo")).toBe("account_no");
    expect(columnOfPath("terminals.1.serialNo")).toBe("terminal_2_serial");
    expect(columnOfPath("terminals")).toBe("terminal_1_id");
    expect(columnOfPath("_form")).toBe("");
    expect(columnOfPath("column:account_no")).toBe("account_no");
  });
});
