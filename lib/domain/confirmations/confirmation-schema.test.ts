import { describe, expect, it } from "vitest";
import { makeRecordConfirmationSchema } from "./confirmation-schema";

const now = new Date("2026-11-25T08:00:00Z"); // 16:00 in Beijing
const schema = makeRecordConfirmationSchema(() => now);
const valid = { changeRequestId: "cr-1", version: 3, contactName: " 林 测试 ", phoneUsed: "+86 139 1234 5678", contactedAt: "2026-11-25T15:40", outcome: "CONFIRMED", note: "" };
const errorsOf = (input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("recording a confirmation call", () => {
  it("normalises the name and number and reads the time as Beijing time", () => {
    const parsed = schema.parse(valid);
    expect(parsed).toMatchObject({ contactName: "林 测试", phoneUsed: "13912345678", outcome: "CONFIRMED", note: "" });
    expect(parsed.contactedAt.toISOString()).toBe("2026-11-25T07:40:00.000Z");
  });

  it("a call in the future is refused", () => {
    expect(errorsOf({ ...valid, contactedAt: "2026-11-25T16:30" })).toEqual({ contactedAt: "validation.confirmation.contactedInFuture" });
  });

  it("an objection needs a note, reported together with every other problem", () => {
    expect(errorsOf({ ...valid, outcome: "OBJECTED", note: "  no " })).toEqual({ note: "validation.confirmation.objectionNote" });
    expect(errorsOf({ ...valid, outcome: "OBJECTED", note: "", phoneUsed: "12345", contactName: "", contactedAt: "" })).toEqual({
      note: "validation.confirmation.objectionNote",
      phoneUsed: expect.stringMatching(/^field\./),
      contactName: "validation.required",
      contactedAt: "validation.required",
    });
    expect(schema.safeParse({ ...valid, outcome: "OBJECTED", note: "商户称从未申请变更" }).success).toBe(true);
  });

  it("refuses an unknown outcome, a malformed time and unknown fields", () => {
    expect(errorsOf({ ...valid, outcome: "MAYBE" })).toEqual({ outcome: "validation.confirmation.outcome" });
    expect(errorsOf({ ...valid, contactedAt: "yesterday" })).toEqual({ contactedAt: "validation.confirmation.contactedAt" });
    expect(schema.safeParse({ ...valid, accountNo: "1" }).success).toBe(false);
  });
});
