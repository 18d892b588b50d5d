import { describe, expect, it } from "vitest";
import { ZRecordItemOutcomeSchema } from "./schemas";

const ALL_TRUE = { accountHolderConfirmed: true, accountNumberConfirmed: true, terminalAtAddress: true, contactReachable: true };
const base = { itemId: "item-1", version: 1 };

function issues(input: unknown) {
  const parsed = ZRecordItemOutcomeSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
}

describe("recording a spot-check outcome", () => {
  it("accepts a confirmation with every box ticked and no note", () => {
    expect(issues({ ...base, outcome: "CONFIRMED", checklist: ALL_TRUE })).toEqual([]);
  });

  it("refuses a confirmation with any box unticked", () => {
    for (const box of Object.keys(ALL_TRUE)) {
      expect(issues({ ...base, outcome: "CONFIRMED", checklist: { ...ALL_TRUE, [box]: false } })).toEqual(["checklist:validation.spotCheck.checklistIncomplete"]);
    }
  });

  it("lets a discrepancy or an unreachable merchant leave boxes unticked but requires a note", () => {
    const unticked = { ...ALL_TRUE, accountNumberConfirmed: false, contactReachable: false };
    expect(issues({ ...base, outcome: "DISCREPANCY", checklist: unticked, note: "Account number differs" })).toEqual([]);
    expect(issues({ ...base, outcome: "UNREACHABLE", checklist: unticked, note: "" })).toEqual(["note:validation.spotCheck.noteRequired"]);
  });
});
