import type { TRole } from "@/lib/domain/permissions";

/**
 * The change-request workflow as data. Every use case asks `decide` before it writes; the
 * database's CHECK constraints repeat the segregation rules for any path that forgets.
 */
export const STATUSES = [
  "AWAITING_VERIFICATION",
  "AWAITING_APPROVAL",
  "AWAITING_SECOND_APPROVAL",
  "RETURNED",
  "REJECTED",
  "CANCELLED",
  "PENDING_CONFIRMATION",
  "EFFECTIVE",
] as const;
export type TStatus = (typeof STATUSES)[number];
export const CLOSED_STATUSES: readonly TStatus[] = ["REJECTED", "CANCELLED", "EFFECTIVE"];

export const CHANGE_KINDS = ["ONBOARD", "UPDATE", "SUSPEND", "REACTIVATE"] as const;
export type TChangeKind = (typeof CHANGE_KINDS)[number];

/** Suspending or reactivating carries no application data: nothing to re-key, nothing to correct. */
export function isStatusChange(kind: TChangeKind): kind is "SUSPEND" | "REACTIVATE" {
  return kind === "SUSPEND" || kind === "REACTIVATE";
}

/** Where a new request starts: blind verification, unless there is nothing to re-type. */
export function initialStatus(kind: TChangeKind): TStatus {
  return isStatusChange(kind) ? "AWAITING_APPROVAL" : "AWAITING_VERIFICATION";
}

export type TTransition = "verify-match" | "verify-mismatch" | "approve" | "reject" | "return" | "resubmit" | "cancel" | "confirm" | "hold-elapsed" | "object";

export type RequestParties = {
  kind: TChangeKind;
  status: TStatus;
  makerId: string;
  verifierId: string | null;
  approverId: string | null;
  highRisk: boolean;
  /** An approved change of receiving account waits for out-of-band confirmation before it takes effect. */
  changesAccount: boolean;
};

export type Decider = { id: string; role: TRole } | "system";

type Rule = {
  from: TStatus[];
  role: TRole | "system";
  to: (r: RequestParties) => TStatus;
  parties: (actorId: string, r: RequestParties) => boolean;
  /** Only for application data: a status change has nothing a maker could correct. */
  applicationOnly?: true;
};

const approvedTo = (r: RequestParties): TStatus => (r.changesAccount ? "PENDING_CONFIRMATION" : "EFFECTIVE");
const notMakerOrVerifier = (id: string, r: RequestParties) => id !== r.makerId && id !== r.verifierId;

const RULES: Record<TTransition, Rule[]> = {
  "verify-match": [{ from: ["AWAITING_VERIFICATION"], role: "CLERK", to: () => "AWAITING_APPROVAL", parties: (id, r) => id !== r.makerId }],
  "verify-mismatch": [{ from: ["AWAITING_VERIFICATION"], role: "CLERK", to: () => "RETURNED", parties: (id, r) => id !== r.makerId }],
  approve: [
    { from: ["AWAITING_APPROVAL"], role: "SUPERVISOR", to: (r) => (r.highRisk ? "AWAITING_SECOND_APPROVAL" : approvedTo(r)), parties: notMakerOrVerifier },
    { from: ["AWAITING_SECOND_APPROVAL"], role: "SUPERVISOR", to: approvedTo, parties: (id, r) => notMakerOrVerifier(id, r) && id !== r.approverId },
  ],
  reject: [
    { from: ["AWAITING_APPROVAL"], role: "SUPERVISOR", to: () => "REJECTED", parties: notMakerOrVerifier },
    { from: ["AWAITING_SECOND_APPROVAL"], role: "SUPERVISOR", to: () => "REJECTED", parties: (id, r) => notMakerOrVerifier(id, r) && id !== r.approverId },
  ],
  return: [
    { from: ["AWAITING_APPROVAL"], role: "SUPERVISOR", to: () => "RETURNED", parties: notMakerOrVerifier, applicationOnly: true },
    { from: ["AWAITING_SECOND_APPROVAL"], role: "SUPERVISOR", to: () => "RETURNED", parties: (id, r) => notMakerOrVerifier(id, r) && id !== r.approverId, applicationOnly: true },
  ],
  resubmit: [{ from: ["RETURNED"], role: "CLERK", to: () => "AWAITING_VERIFICATION", parties: (id, r) => id === r.makerId }],
  cancel: [{ from: ["AWAITING_VERIFICATION", "RETURNED"], role: "CLERK", to: () => "CANCELLED", parties: (id, r) => id === r.makerId }],
  // The out-of-band call is recorded by a clerk other than the maker, whichever way it went.
  confirm: [{ from: ["PENDING_CONFIRMATION"], role: "CLERK", to: () => "EFFECTIVE", parties: (id, r) => id !== r.makerId }],
  "hold-elapsed": [{ from: ["PENDING_CONFIRMATION"], role: "system", to: () => "EFFECTIVE", parties: () => true }],
  object: [{ from: ["PENDING_CONFIRMATION"], role: "CLERK", to: () => "REJECTED", parties: (id, r) => id !== r.makerId }],
};

const applies = (rule: Rule, status: TStatus, kind: TChangeKind) => rule.from.includes(status) && !(rule.applicationOnly && isStatusChange(kind));

export type Decision = { ok: true; to: TStatus } | { ok: false; reason: "ILLEGAL_STATE" | "FORBIDDEN" | "SEGREGATION" };

/** May `who` make `transition` on this request, and where does it lead? */
export function decide(who: Decider, transition: TTransition, request: RequestParties): Decision {
  const rules = RULES[transition].filter((rule) => applies(rule, request.status, request.kind));
  if (rules.length === 0) return { ok: false, reason: "ILLEGAL_STATE" };
  const role = who === "system" ? "system" : who.role;
  const rule = rules.find((r) => r.role === role);
  if (!rule) return { ok: false, reason: "FORBIDDEN" };
  if (who !== "system" && !rule.parties(who.id, request)) return { ok: false, reason: "SEGREGATION" };
  return { ok: true, to: rule.to(request) };
}

export function isOpen(status: TStatus) {
  return !CLOSED_STATUSES.includes(status);
}

/** For the UI and documentation: which transitions leave a status, and who makes them. */
export function transitionsFrom(status: TStatus, kind: TChangeKind = "UPDATE") {
  return (Object.entries(RULES) as [TTransition, Rule[]][]).flatMap(([transition, rules]) =>
    rules.filter((r) => applies(r, status, kind)).map((r) => ({ transition, role: r.role })),
  );
}
