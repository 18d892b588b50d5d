import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { meta, seedActor, seedUser } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { openedCase } from "@/test/integration/cases";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { approvedMerchant } from "@/test/integration/workflow";
import { addCaseNote } from "./add-case-note";
import { assignCase } from "./assign-case";
import { closeCase } from "./close-case";
import { getCase } from "./get-case";
import { linkCase } from "./link-case";
import { listCases } from "./list-cases";
import { triageCase } from "./triage-case";

const requestMeta = meta();
let auditor: Actor;
let colleague: Actor;

beforeAll(async () => {
  await ensureReferenceRows();
  auditor = await seedActor("AUDITOR");
  colleague = await seedActor("AUDITOR");
});

const eventsOf = async (caseId: string) => (await prisma()).auditEvent.findMany({ where: { entity: "case", entityId: caseId }, orderBy: { seq: "asc" } });

describe("working a case to closure", () => {
  it("triage, reassign, note, link and close, each audited and moving the version on", async () => {
    const c = await openedCase();
    const merchant = await approvedMerchant();
    const merchantNo = (await (await prisma()).merchant.findUniqueOrThrow({ where: { id: merchant.merchantId } })).merchantNo!;

    expect(await triageCase({ actor: auditor, input: { caseId: c.id, version: 1, priority: "HIGH", assigneeId: auditor.id }, requestMeta })).toEqual({ status: "TRIAGED", version: 2 });
    expect(await assignCase({ actor: auditor, input: { caseId: c.id, version: 2, assigneeId: colleague.id }, requestMeta })).toEqual({ version: 3 });
    const { version: afterNote } = await addCaseNote({ actor: colleague, input: { caseId: c.id, version: 3, body: "  Called the merchant; slip photo requested.  " }, requestMeta });
    expect(afterNote).toBe(4);
    expect(await linkCase({ actor: colleague, input: { caseId: c.id, version: 4, merchantNo, terminalId: "A1B2C3D4", changeRequestReference: "" }, requestMeta })).toEqual({ version: 5 });
    expect(await closeCase({ actor: colleague, input: { caseId: c.id, version: 5, outcome: "NO_ISSUE", outcomeNote: "Slip was from another shop." }, requestMeta })).toEqual({ status: "CLOSED", version: 6 });

    const detail = (await getCase(auditor, c.id))!;
    expect(detail).toMatchObject({ status: "CLOSED", priority: "HIGH", assigneeId: colleague.id, merchantId: merchant.merchantId, terminalId: "A1B2C3D4", outcome: "NO_ISSUE", closedById: colleague.id });
    expect(detail.closedAt).toBeInstanceOf(Date);
    expect(detail.notes.map((n) => [n.body, n.authorId])).toEqual([["Called the merchant; slip photo requested.", colleague.id]]);
    expect(detail.history.map((h) => h.action)).toEqual(["case.opened", "case.triaged", "case.assigned", "case.note-added", "case.linked", "case.closed"]);
    const events = await eventsOf(c.id);
    expect(events.find((e) => e.action === "case.triaged")).toMatchObject({ actorId: auditor.id, before: { status: "OPEN", priority: "NORMAL", assigneeId: null }, after: { status: "TRIAGED", priority: "HIGH", assigneeId: auditor.id } });
    expect(events.find((e) => e.action === "case.closed")).toMatchObject({ actorId: colleague.id, after: { outcome: "NO_ISSUE", outcomeNote: "Slip was from another shop." } });
  });

  it("links a change request by reference and takes its merchant", async () => {
    const c = await openedCase();
    const merchant = await approvedMerchant();
    const request = await (await prisma()).changeRequest.findFirstOrThrow({ where: { merchantId: merchant.merchantId } });
    await linkCase({ actor: auditor, input: { caseId: c.id, version: 1, changeRequestReference: request.reference }, requestMeta });
    expect(await (await prisma()).case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ merchantId: merchant.merchantId, changeRequestId: request.id });
  });

  it("the list filters by kind, status, assignee and reference", async () => {
    const mine = await openedCase();
    await triageCase({ actor: auditor, input: { caseId: mine.id, version: 1, priority: "LOW", assigneeId: colleague.id }, requestMeta });
    const other = await openedCase();
    const byMe = await listCases(colleague, { mine: "1" });
    expect(byMe.cases.map((c) => c.id)).toContain(mine.id);
    expect(byMe.cases.map((c) => c.id)).not.toContain(other.id);
    expect((await listCases(auditor, { q: mine.reference.slice(-8).toLowerCase() })).cases.map((c) => c.id)).toEqual([mine.id]);
    expect((await listCases(auditor, { status: "TRIAGED" })).cases.every((c) => c.status === "TRIAGED")).toBe(true);
    expect((await listCases(auditor, { kind: "SPOT_CHECK_DISCREPANCY" })).cases.map((c) => c.id)).not.toContain(other.id);
    expect((await listCases(auditor, { kind: "CARDHOLDER_REPORT" })).cases.map((c) => c.id)).toContain(other.id);
  });
});

describe("refusals", () => {
  it("only auditors work cases", async () => {
    const c = await openedCase();
    for (const role of ["CLERK", "SUPERVISOR", "ADMIN"] as const) {
      const actor = await seedActor(role);
      expect(await codeOf(triageCase({ actor, input: { caseId: c.id, version: 1, priority: "HIGH", assigneeId: auditor.id }, requestMeta }))).toBe("FORBIDDEN");
      expect(await codeOf(assignCase({ actor, input: { caseId: c.id, version: 1, assigneeId: auditor.id }, requestMeta }))).toBe("FORBIDDEN");
      expect(await codeOf(addCaseNote({ actor, input: { caseId: c.id, version: 1, body: "note" }, requestMeta }))).toBe("FORBIDDEN");
      expect(await codeOf(linkCase({ actor, input: { caseId: c.id, version: 1, terminalId: "A1B2C3D4" }, requestMeta }))).toBe("FORBIDDEN");
      expect(await codeOf(closeCase({ actor, input: { caseId: c.id, version: 1, outcome: "NO_ISSUE", outcomeNote: "nothing found" }, requestMeta }))).toBe("FORBIDDEN");
      expect(await codeOf(getCase(actor, c.id))).toBe("FORBIDDEN");
    }
    expect(await codeOf(closeCase({ actor: null, input: { caseId: c.id, version: 1, outcome: "NO_ISSUE", outcomeNote: "nothing found" }, requestMeta }))).toBe("UNAUTHENTICATED");
    expect((await (await prisma()).case.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(1);
  });

  it("a stale version is a conflict and changes nothing", async () => {
    const c = await openedCase();
    await addCaseNote({ actor: auditor, input: { caseId: c.id, version: 1, body: "first look" }, requestMeta });
    // Thunks, awaited one at a time: promises made up front reject before they are awaited.
    for (const attempt of [
      () => triageCase({ actor: colleague, input: { caseId: c.id, version: 1, priority: "HIGH", assigneeId: colleague.id }, requestMeta }),
      () => assignCase({ actor: colleague, input: { caseId: c.id, version: 1, assigneeId: colleague.id }, requestMeta }),
      () => addCaseNote({ actor: colleague, input: { caseId: c.id, version: 1, body: "second look" }, requestMeta }),
      () => linkCase({ actor: colleague, input: { caseId: c.id, version: 1, terminalId: "A1B2C3D4" }, requestMeta }),
      () => closeCase({ actor: colleague, input: { caseId: c.id, version: 1, outcome: "NO_ISSUE", outcomeNote: "nothing found" }, requestMeta }),
    ]) expect((await refusal(attempt())).code).toBe("CONFLICT");
    const after = (await getCase(auditor, c.id))!;
    expect(after).toMatchObject({ version: 2, status: "OPEN", assigneeId: null, terminalId: null });
    expect(after.notes).toHaveLength(1);
  });

  it("bad input is refused field by field", async () => {
    const c = await openedCase();
    const triage = await refusal(triageCase({ actor: auditor, input: { caseId: c.id, version: 1, priority: "URGENT", assigneeId: "" }, requestMeta }));
    expect(triage.fieldErrors).toEqual({ priority: ["validation.case.priorityRequired"], assigneeId: ["validation.case.assigneeRequired"] });
    const clerk = await seedUser("CLERK");
    const disabled = await seedUser("AUDITOR", { disabled: true });
    for (const assigneeId of [clerk.id, disabled.id, "nobody"]) {
      expect((await refusal(assignCase({ actor: auditor, input: { caseId: c.id, version: 1, assigneeId }, requestMeta }))).fieldErrors).toEqual({ assigneeId: ["validation.case.assigneeNotEligible"] });
    }
    expect((await refusal(addCaseNote({ actor: auditor, input: { caseId: c.id, version: 1, body: " " }, requestMeta }))).fieldErrors).toEqual({ body: ["validation.case.noteRequired"] });
    expect((await refusal(linkCase({ actor: auditor, input: { caseId: c.id, version: 1 }, requestMeta }))).fieldErrors).toEqual({ _form: ["validation.case.linkRequired"] });
    const unknown = await refusal(linkCase({ actor: auditor, input: { caseId: c.id, version: 1, merchantNo: "999999999999999", changeRequestReference: "CR-NOPE" }, requestMeta }));
    expect(unknown.fieldErrors).toEqual({ merchantNo: ["validation.case.merchantNotFound"], changeRequestReference: ["validation.case.changeRequestNotFound"] });
    // A change request of another merchant than the one linked is refused.
    const [a, b] = [await approvedMerchant(), await approvedMerchant()];
    const db = await prisma();
    const merchantNo = (await db.merchant.findUniqueOrThrow({ where: { id: a.merchantId } })).merchantNo!;
    const otherRequest = await db.changeRequest.findFirstOrThrow({ where: { merchantId: b.merchantId } });
    expect((await refusal(linkCase({ actor: auditor, input: { caseId: c.id, version: 1, merchantNo, changeRequestReference: otherRequest.reference }, requestMeta }))).fieldErrors).toEqual({ changeRequestReference: ["validation.case.changeRequestOtherMerchant"] });
    expect((await refusal(closeCase({ actor: auditor, input: { caseId: c.id, version: 1, outcome: "SOLVED", outcomeNote: "x" }, requestMeta }))).fieldErrors).toEqual({ outcome: ["validation.case.outcomeRequired"], outcomeNote: ["validation.case.outcomeNoteRequired"] });
    expect(await codeOf(closeCase({ actor: auditor, input: { caseId: "missing", version: 1, outcome: "NO_ISSUE", outcomeNote: "nothing found" }, requestMeta }))).toBe("NOT_FOUND");
    expect((await eventsOf(c.id)).map((e) => e.action)).toEqual(["case.opened"]);
  });

  it("a closed case takes no second close, no note, no triage", async () => {
    const c = await openedCase();
    await closeCase({ actor: auditor, input: { caseId: c.id, version: 1, outcome: "DUPLICATE", outcomeNote: "Same as an earlier report." }, requestMeta });
    for (const attempt of [
      () => closeCase({ actor: auditor, input: { caseId: c.id, version: 2, outcome: "NO_ISSUE", outcomeNote: "closing again" }, requestMeta }),
      () => addCaseNote({ actor: auditor, input: { caseId: c.id, version: 2, body: "late note" }, requestMeta }),
      () => triageCase({ actor: auditor, input: { caseId: c.id, version: 2, priority: "HIGH", assigneeId: auditor.id }, requestMeta }),
    ]) {
      const err = await refusal(attempt());
      expect([err.code, err.fieldErrors]).toEqual(["CONFLICT", { _form: ["validation.case.closed"] }]);
    }
    expect((await eventsOf(c.id)).filter((e) => e.action === "case.closed")).toHaveLength(1);
  });

  it("a triaged case's priority changes on its own, audited; a change of nothing is refused", async () => {
    const c = await openedCase();
    await triageCase({ actor: auditor, input: { caseId: c.id, version: 1, priority: "NORMAL", assigneeId: auditor.id }, requestMeta });
    expect(await assignCase({ actor: auditor, input: { caseId: c.id, version: 2, assigneeId: auditor.id, priority: "HIGH" }, requestMeta })).toEqual({ version: 3 });
    expect(await (await prisma()).case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ priority: "HIGH", assigneeId: auditor.id, status: "TRIAGED" });
    const assigned = (await eventsOf(c.id)).filter((e) => e.action === "case.assigned");
    expect(assigned.at(-1)).toMatchObject({ before: { assigneeId: auditor.id, priority: "NORMAL" }, after: { assigneeId: auditor.id, priority: "HIGH" } });
    expect((await refusal(assignCase({ actor: auditor, input: { caseId: c.id, version: 3, assigneeId: auditor.id, priority: "HIGH" }, requestMeta }))).fieldErrors).toEqual({ assigneeId: ["validation.case.nothingChanged"] });
    expect((await refusal(assignCase({ actor: auditor, input: { caseId: c.id, version: 3, assigneeId: auditor.id, priority: "URGENT" }, requestMeta }))).fieldErrors).toEqual({ priority: ["validation.case.priorityRequired"] });
  });

  it("assigning to the current assignee is refused", async () => {
    const c = await openedCase();
    await triageCase({ actor: auditor, input: { caseId: c.id, version: 1, priority: "NORMAL", assigneeId: auditor.id }, requestMeta });
    expect((await refusal(assignCase({ actor: auditor, input: { caseId: c.id, version: 2, assigneeId: auditor.id }, requestMeta }))).fieldErrors).toEqual({ assigneeId: ["validation.case.alreadyAssigned"] });
  });
});
