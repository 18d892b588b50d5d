import { describe, expect, it } from "vitest";
import { CHANGE_KINDS, decide, initialStatus, isStatusChange, STATUSES, transitionsFrom, type RequestParties, type TTransition } from "./change-request-machine";

const base: RequestParties = { kind: "UPDATE", status: "AWAITING_VERIFICATION", makerId: "maker", verifierId: null, approverId: null, highRisk: false, changesAccount: false };
const clerk = (id: string) => ({ id, role: "CLERK" as const });
const supervisor = (id: string) => ({ id, role: "SUPERVISOR" as const });

describe("change-request workflow", () => {
  it("runs the happy path: verify → approve → effective", () => {
    expect(decide(clerk("clerk2"), "verify-match", base)).toEqual({ ok: true, to: "AWAITING_APPROVAL" });
    const verified = { ...base, status: "AWAITING_APPROVAL" as const, verifierId: "clerk2" };
    expect(decide(supervisor("sup"), "approve", verified)).toEqual({ ok: true, to: "EFFECTIVE" });
  });

  it("a mismatch returns the request to the maker, who resubmits for a fresh verification", () => {
    expect(decide(clerk("clerk2"), "verify-mismatch", base)).toEqual({ ok: true, to: "RETURNED" });
    const returned = { ...base, status: "RETURNED" as const };
    expect(decide(clerk("maker"), "resubmit", returned)).toEqual({ ok: true, to: "AWAITING_VERIFICATION" });
    expect(decide(clerk("clerk2"), "resubmit", returned)).toEqual({ ok: false, reason: "SEGREGATION" });
  });

  it("the maker never verifies or approves their own request; the verifier never approves it", () => {
    expect(decide(clerk("maker"), "verify-match", base)).toEqual({ ok: false, reason: "SEGREGATION" });
    const verified = { ...base, status: "AWAITING_APPROVAL" as const, verifierId: "clerk2" };
    expect(decide(supervisor("maker"), "approve", verified)).toEqual({ ok: false, reason: "SEGREGATION" });
    expect(decide(supervisor("clerk2"), "approve", verified)).toEqual({ ok: false, reason: "SEGREGATION" });
    expect(decide(clerk("clerk3"), "approve", verified)).toEqual({ ok: false, reason: "FORBIDDEN" });
  });

  it("high risk needs a second, different supervisor", () => {
    const risky = { ...base, status: "AWAITING_APPROVAL" as const, verifierId: "clerk2", highRisk: true };
    expect(decide(supervisor("sup1"), "approve", risky)).toEqual({ ok: true, to: "AWAITING_SECOND_APPROVAL" });
    const second = { ...risky, status: "AWAITING_SECOND_APPROVAL" as const, approverId: "sup1" };
    expect(decide(supervisor("sup1"), "approve", second)).toEqual({ ok: false, reason: "SEGREGATION" });
    expect(decide(supervisor("sup2"), "approve", second)).toEqual({ ok: true, to: "EFFECTIVE" });
  });

  it("an account change waits for confirmation after approval", () => {
    const change = { ...base, status: "AWAITING_APPROVAL" as const, verifierId: "clerk2", changesAccount: true };
    expect(decide(supervisor("sup"), "approve", change)).toEqual({ ok: true, to: "PENDING_CONFIRMATION" });
    const pending = { ...change, status: "PENDING_CONFIRMATION" as const };
    expect(decide(clerk("clerk2"), "confirm", pending)).toEqual({ ok: true, to: "EFFECTIVE" });
    expect(decide(clerk("maker"), "confirm", pending)).toEqual({ ok: false, reason: "SEGREGATION" });
    expect(decide("system", "hold-elapsed", pending)).toEqual({ ok: true, to: "EFFECTIVE" });
    expect(decide(clerk("clerk2"), "hold-elapsed", pending)).toEqual({ ok: false, reason: "FORBIDDEN" });
  });

  it("an objection rejects the pending change; the maker can neither confirm nor object", () => {
    const pending = { ...base, status: "PENDING_CONFIRMATION" as const, verifierId: "clerk2", approverId: "sup", changesAccount: true };
    expect(decide(clerk("clerk3"), "object", pending)).toEqual({ ok: true, to: "REJECTED" });
    expect(decide(clerk("maker"), "object", pending)).toEqual({ ok: false, reason: "SEGREGATION" });
    expect(decide(supervisor("sup"), "object", pending)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(decide("system", "object", pending)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(decide(clerk("clerk3"), "confirm", { ...pending, status: "AWAITING_APPROVAL" })).toEqual({ ok: false, reason: "ILLEGAL_STATE" });
  });

  it("closed requests accept no transition at all", () => {
    const all: TTransition[] = ["verify-match", "verify-mismatch", "approve", "reject", "return", "resubmit", "cancel", "confirm", "hold-elapsed", "object"];
    for (const status of ["REJECTED", "CANCELLED", "EFFECTIVE"] as const) {
      expect(transitionsFrom(status)).toEqual([]);
      for (const t of all) expect(decide(supervisor("x"), t, { ...base, status }).ok).toBe(false);
    }
    for (const status of STATUSES.filter((s) => !["REJECTED", "CANCELLED", "EFFECTIVE"].includes(s))) {
      expect(transitionsFrom(status).length).toBeGreaterThan(0);
    }
  });

  it("suspending and reactivating skip the blind re-key: straight to approval by a supervisor other than the maker", () => {
    expect(CHANGE_KINDS.filter(isStatusChange)).toEqual(["SUSPEND", "REACTIVATE"]);
    expect(initialStatus("ONBOARD")).toBe("AWAITING_VERIFICATION");
    expect(initialStatus("UPDATE")).toBe("AWAITING_VERIFICATION");
    for (const kind of ["SUSPEND", "REACTIVATE"] as const) {
      expect(initialStatus(kind)).toBe("AWAITING_APPROVAL");
      const waiting = { ...base, kind, status: initialStatus(kind) };
      expect(decide(supervisor("sup"), "approve", waiting)).toEqual({ ok: true, to: "EFFECTIVE" });
      expect(decide(supervisor("sup"), "reject", waiting)).toEqual({ ok: true, to: "REJECTED" });
      expect(decide(supervisor("maker"), "approve", waiting)).toEqual({ ok: false, reason: "SEGREGATION" });
      expect(decide(clerk("clerk2"), "approve", waiting)).toEqual({ ok: false, reason: "FORBIDDEN" });
      expect(decide(clerk("clerk2"), "verify-match", waiting)).toEqual({ ok: false, reason: "ILLEGAL_STATE" });
    }
  });

  it("a status change cannot be returned for correction: there is nothing to correct", () => {
    const waiting = { ...base, kind: "SUSPEND" as const, status: "AWAITING_APPROVAL" as const };
    expect(decide(supervisor("sup"), "return", waiting)).toEqual({ ok: false, reason: "ILLEGAL_STATE" });
    expect(decide(supervisor("sup"), "return", { ...waiting, kind: "UPDATE", verifierId: "clerk2" })).toEqual({ ok: true, to: "RETURNED" });
    expect(transitionsFrom("AWAITING_APPROVAL", "REACTIVATE").map((t) => t.transition)).toEqual(["approve", "reject"]);
    expect(transitionsFrom("AWAITING_APPROVAL").map((t) => t.transition)).toEqual(["approve", "reject", "return"]);
  });
});
