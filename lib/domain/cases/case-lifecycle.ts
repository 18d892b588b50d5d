import type { TCaseStatus } from "./schemas";

/**
 * The case lifecycle as data. Auditors triage, assign, note, link and close while a case is not
 * closed; the system moves a correction case with the change request made for it.
 */
export type TCaseAction = "triage" | "assign" | "note" | "link" | "close";

const OPEN_STATES: readonly TCaseStatus[] = ["OPEN", "TRIAGED", "IN_PROGRESS"];

export function isCaseOpen(status: TCaseStatus) {
  return OPEN_STATES.includes(status);
}

/** Where an auditor's action leaves the case, or null if the case is closed. */
export function caseTransition(status: TCaseStatus, action: TCaseAction): TCaseStatus | null {
  if (!isCaseOpen(status)) return null;
  if (action === "close") return "CLOSED";
  // Triage only moves a fresh case on: one already being worked stays in progress.
  if (action === "triage") return status === "OPEN" ? "TRIAGED" : status;
  return status;
}

export type TChangeOutcome = "SUBMITTED" | "EFFECTIVE" | "WITHDRAWN";

/** Where a correction case goes when the change request made for it moves; null: leave it alone. */
export function caseFollowingChange(status: TCaseStatus, change: TChangeOutcome): TCaseStatus | null {
  if (!isCaseOpen(status)) return null;
  if (change === "SUBMITTED") return "IN_PROGRESS";
  if (change === "EFFECTIVE") return "CLOSED";
  return status === "IN_PROGRESS" ? "OPEN" : null;
}

/** Cases clerks correct through a change request; the others are auditors' investigations. */
export const CORRECTION_CASE_KINDS = ["SPOT_CHECK_DISCREPANCY"] as const;

export function isCorrectionCase(kind: string) {
  return (CORRECTION_CASE_KINDS as readonly string[]).includes(kind);
}
