import { describe, expect, it } from "vitest";
import { caseFollowingChange, caseTransition } from "./case-lifecycle";
import { ZCloseCaseSchema, ZLinkCaseSchema, ZTriageCaseSchema } from "./schemas";

describe("case lifecycle", () => {
  it("triage moves a fresh case to TRIAGED and leaves one in progress where it is", () => {
    expect(caseTransition("OPEN", "triage")).toBe("TRIAGED");
    expect(caseTransition("IN_PROGRESS", "triage")).toBe("IN_PROGRESS");
  });
  it("nothing happens to a closed case", () => {
    for (const a of ["triage", "assign", "note", "link", "close"] as const) expect(caseTransition("CLOSED", a)).toBeNull();
    expect(caseFollowingChange("CLOSED", "EFFECTIVE")).toBeNull();
  });
  it("a correction case follows its change request", () => {
    expect(caseFollowingChange("OPEN", "SUBMITTED")).toBe("IN_PROGRESS");
    expect(caseFollowingChange("IN_PROGRESS", "EFFECTIVE")).toBe("CLOSED");
    expect(caseFollowingChange("IN_PROGRESS", "WITHDRAWN")).toBe("OPEN");
    expect(caseFollowingChange("TRIAGED", "WITHDRAWN")).toBeNull();
  });
});

describe("case schemas", () => {
  it("triage needs a priority and an assignee", () => {
    const r = ZTriageCaseSchema.safeParse({ caseId: "c", version: 1, assigneeId: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).sort()).toEqual(["validation.case.assigneeRequired", "validation.case.priorityRequired"]);
  });
  it("a link needs at least one record, blanks ignored", () => {
    expect(ZLinkCaseSchema.safeParse({ caseId: "c", version: 1, merchantNo: " ", terminalId: "" }).error?.issues[0]?.message).toBe("validation.case.linkRequired");
    expect(ZLinkCaseSchema.parse({ caseId: "c", version: 1, terminalId: "12345678" }).terminalId).toBe("12345678");
    expect(ZLinkCaseSchema.safeParse({ caseId: "c", version: 1, terminalId: "1234" }).error?.issues[0]?.message).toBe("validation.case.terminalIdFormat");
  });
  it("closing needs an outcome and a note", () => {
    expect(ZCloseCaseSchema.safeParse({ caseId: "c", version: 1, outcome: "NO_ISSUE", outcomeNote: "ok" }).error?.issues[0]?.message).toBe("validation.case.outcomeNoteRequired");
  });
});
