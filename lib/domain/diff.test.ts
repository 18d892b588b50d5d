import { describe, expect, it } from "vitest";
import { diffRecords } from "./diff";

describe("diffRecords", () => {
  it("lists changed, added and removed fields by dotted path, arrays compared whole", () => {
    const before = { merchant: { legalName: "甲", phone: "1" }, terminals: [{ id: "A" }] };
    const after = { merchant: { legalName: "乙", phone: "1", street: "新" }, terminals: [{ id: "B" }] };
    expect(diffRecords(before, after)).toEqual([
      { path: "merchant.legalName", before: "甲", after: "乙" },
      { path: "merchant.street", before: null, after: "新" },
      { path: "terminals", before: [{ id: "A" }], after: [{ id: "B" }] },
    ]);
  });

  it("from nothing, every field is a change; identical records have none", () => {
    expect(diffRecords(null, { a: 1 })).toEqual([{ path: "a", before: null, after: 1 }]);
    expect(diffRecords({ a: { b: [1] } }, { a: { b: [1] } })).toEqual([]);
  });

  it("objects inside arrays are equal whatever their key order (JSONB reorders keys)", () => {
    const stored = { terminals: [{ serialNo: "SN1", terminalId: "T1", installAddress: "收银台" }] };
    const proposed = { terminals: [{ terminalId: "T1", serialNo: "SN1", installAddress: "收银台" }] };
    expect(diffRecords(stored, proposed)).toEqual([]);
    expect(diffRecords(stored, { terminals: [{ terminalId: "T1", serialNo: "SN2", installAddress: "收银台" }] })).toHaveLength(1);
  });
});
