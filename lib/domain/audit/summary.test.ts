import { describe, expect, it } from "vitest";
import { summarizeAuditValues } from "./summary";

describe("summarizeAuditValues", () => {
  it("lists the first values as key: value, skipping empty ones", () => {
    expect(summarizeAuditValues({ username: "nobody", reason: "unknown-user", empty: "" })).toBe("username: nobody · reason: unknown-user");
    expect(summarizeAuditValues({ a: 1, b: [1, 2], c: { d: true }, e: "x" })).toBe('a: 1 · b: [1,2] · c: {"d":true}');
  });
  it("clips long values and ignores what is not a record", () => {
    expect(summarizeAuditValues({ reason: "x".repeat(100) })).toBe(`reason: ${"x".repeat(39)}…`);
    for (const v of [null, undefined, "text", 3, [1]]) expect(summarizeAuditValues(v)).toBe("");
  });
});
