import { describe, expect, it } from "vitest";
import { residentIdCheckChar } from "@/lib/domain/validation";
import { emptyApplication, makeApplicationSchema, type TMerchantApplicationInput } from "./application-schema";

const schema = makeApplicationSchema(() => new Date("2026-11-24T00:00:00+08:00"));

export function validEnterprise(): TMerchantApplicationInput {
  return {
    merchant: {
      type: "ENTERPRISE", legalName: "福州示例贸易有限公司", receiptName: "示例贸易", creditCode: "91350203KAJ5FYHN25",
      legalRepName: "林示例", legalRepId: "110101198404011982", phone: "13096479903", mcc: "5411", divisionCode: "350102", street: "鼓楼区五四路 1 号",
    },
    account: { accountType: "CORPORATE", accountName: "福州示例贸易有限公司", accountNo: "3501 0400 0000 1234 5678", bankCode: "102", branchName: "工商银行福州分行", cnaps: "102100027966", thirdPartyAuthRef: "", thirdPartyAuthDate: "" },
    terminals: [{ terminalId: "52593968", serialNo: "sn-0001-abcd", installAddress: "鼓楼区五四路 1 号收银台" }],
  };
}

function errorsOf(input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("merchant application schema", () => {
  it("accepts a valid enterprise and normalises identifiers and names", () => {
    const input = validEnterprise();
    input.merchant.creditCode = "9135 0203 kaj5 fyhn25";
    input.merchant.legalName = "  福州示例贸易有限公司（福州）";
    input.account.accountName = "福州示例贸易有限公司(福州)";
    const out = schema.parse(input);
    expect(out.merchant.creditCode).toBe("91350203KAJ5FYHN25");
    expect(out.merchant.legalName).toBe("福州示例贸易有限公司(福州)");
    expect(out.account.accountNo).toBe("35010400000012345678");
    expect(out.account.thirdParty).toBe(false);
    expect(out.terminals[0]!.serialNo).toBe("SN-0001-ABCD");
  });

  it("refuses a personal account for an enterprise", () => {
    const input = validEnterprise();
    input.account.accountType = "PERSONAL";
    input.account.accountNo = "6224264659257975";
    expect(errorsOf(input)).toMatchObject({ "account.accountType": "validation.account.enterpriseCorporateOnly" });
  });

  it("refuses an enterprise account name that is not the legal name, authorisation or not", () => {
    const input = validEnterprise();
    input.account.accountName = "张三";
    input.account.thirdPartyAuthRef = "AUTH-1";
    input.account.thirdPartyAuthDate = "2026-11-01";
    expect(errorsOf(input)).toMatchObject({ "account.accountName": "validation.account.nameMustBeLegalName" });
  });

  it("an individual business may settle to a third party only with a recorded authorisation", () => {
    const input = validEnterprise();
    input.merchant.type = "INDIVIDUAL_BUSINESS";
    input.merchant.creditCode = "921501023QNBWY508W";
    input.account.accountType = "PERSONAL";
    input.account.accountNo = "6224264659257975";
    input.account.accountName = "王五";
    expect(errorsOf(input)).toMatchObject({ "account.thirdPartyAuthRef": "validation.account.thirdPartyAuthRequired" });
    input.account.thirdPartyAuthRef = "SQ-2026-001";
    input.account.thirdPartyAuthDate = "2026-11-01";
    const out = schema.parse(input);
    expect(out.account.thirdParty).toBe(true);
  });

  it("checks the credit code's type against the merchant type", () => {
    const input = validEnterprise();
    input.merchant.creditCode = "921501023QNBWY508W";
    expect(errorsOf(input)).toMatchObject({ "merchant.creditCode": "validation.merchant.creditCodeNotEnterprise" });
  });

  it("a micro-merchant has no credit code and settles to the operator's personal account", () => {
    const input = validEnterprise();
    input.merchant.type = "MICRO";
    input.merchant.creditCode = "";
    input.account.accountType = "PERSONAL";
    input.account.accountNo = "6224264659257975";
    input.account.accountName = "林示例";
    expect(schema.parse(input).merchant.creditCode).toBeNull();
    input.account.accountType = "CORPORATE";
    expect(errorsOf(input)).toMatchObject({ "account.accountType": "validation.account.microPersonalOnly" });
  });

  it("refuses a CNAPS code of another bank, duplicate terminals and an under-16 legal representative", () => {
    const input = validEnterprise();
    input.account.cnaps = "104110073796";
    input.terminals.push({ ...input.terminals[0]! });
    const body = "11010120150101001";
    input.merchant.legalRepId = body + residentIdCheckChar(body);
    expect(errorsOf(input)).toEqual({
      "account.cnaps": "validation.account.cnapsBankMismatch",
      "terminals.1.terminalId": "validation.terminal.duplicateInForm",
      "terminals.1.serialNo": "validation.terminal.duplicateInForm",
      "merchant.legalRepId": "validation.merchant.legalRepTooYoung",
    });
  });

  it("reports every field error at once, with field codes", () => {
    const errors = errorsOf(emptyApplication());
    expect(errors["merchant.legalName"]).toBe("validation.required");
    expect(errors["merchant.legalRepId"]).toBe("field.EMPTY");
    expect(errors["account.cnaps"]).toBe("field.EMPTY");
    expect(errors["terminals.0.terminalId"]).toBe("field.EMPTY");
    expect(Object.keys(errors).length).toBeGreaterThanOrEqual(10);
  });

  it("a Luhn failure on a personal card is a warning, not an error", () => {
    const input = validEnterprise();
    input.merchant.type = "MICRO";
    input.merchant.creditCode = "";
    input.account.accountType = "PERSONAL";
    input.account.accountName = "林示例";
    input.account.accountNo = "6224264659257976";
    expect(schema.parse(input).account.accountNoWarnings).toContain("LUHN_CHECK");
  });
});
