import { describe, expect, it } from "vitest";
import { residentIdCheckChar } from "@/lib/domain/validation";
import { makeApplicationSchema, makeKeepSealedApplicationSchema, ZMerchantApplicationSchema } from "./application-schema";
import { validEnterprise } from "./application-schema.test";
import { isKeptBlank, sealedFieldsToRetype } from "./sealed-fields";

function blanked() {
  const input = validEnterprise();
  input.merchant.legalRepId = "";
  input.account.accountNo = "  ";
  return input;
}

const errorsOf = (result: ReturnType<typeof ZMerchantApplicationSchema.safeParse>) =>
  result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));

describe("keep-sealed application schema", () => {
  it("takes blank sealed numbers as 'keep what is on file' and skips the rules that need them", () => {
    const out = makeKeepSealedApplicationSchema().parse(blanked());
    expect(out.merchant.legalRepId).toBe("");
    expect(out.account.accountNo).toBe("");
    expect(out.account.accountNoWarnings).toEqual([]);
  });

  it("the plain schema still requires both numbers", () => {
    expect(errorsOf(ZMerchantApplicationSchema.safeParse(blanked()))).toMatchObject({ "merchant.legalRepId": expect.stringMatching(/^field\./), "account.accountNo": expect.stringMatching(/^field\./) });
  });

  it("checks a typed number exactly as on a new entry, cross-field rules included", () => {
    const input = blanked();
    input.account.accountNo = "6224264659257975"; // a valid card, but an enterprise settles to a corporate account
    input.account.accountType = "PERSONAL";
    expect(errorsOf(makeKeepSealedApplicationSchema().safeParse(input))).toMatchObject({ "account.accountType": "validation.account.enterpriseCorporateOnly" });
    const young = blanked();
    young.merchant.legalRepId = `11010120200101003${residentIdCheckChar("11010120200101003")}`;
    expect(errorsOf(makeApplicationSchema(() => new Date("2026-11-24"), { mustRetype: [] }).safeParse(young))).toMatchObject({ "merchant.legalRepId": "validation.merchant.legalRepTooYoung" });
    const typo = blanked();
    typo.merchant.legalRepId = "110101198404011983";
    expect(errorsOf(makeKeepSealedApplicationSchema().safeParse(typo))).toMatchObject({ "merchant.legalRepId": "field.CHECK_DIGIT" });
  });

  it("refuses a blank number that a checker found different; a typed one passes", () => {
    const schema = makeKeepSealedApplicationSchema(["accountNo"]);
    expect(errorsOf(schema.safeParse(blanked()))).toEqual({ "account.accountNo": "validation.sealed.retype" });
    const retyped = blanked();
    retyped.account.accountNo = "3501 0400 0000 1234 5678";
    expect(schema.parse(retyped).account.accountNo).toBe("35010400000012345678");
  });

  it("knows which mismatched fields are sealed, and what counts as blank", () => {
    expect(sealedFieldsToRetype(["creditCode", "accountNo", "cnaps"])).toEqual(["accountNo"]);
    expect(sealedFieldsToRetype(["accountName"])).toEqual([]);
    expect([isKeptBlank(""), isKeptBlank(" \t"), isKeptBlank("1"), isKeptBlank(undefined)]).toEqual([true, true, false, false]);
  });
});
