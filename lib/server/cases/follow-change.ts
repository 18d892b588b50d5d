import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { caseFollowingChange, type TChangeOutcome } from "@/lib/domain/cases/case-lifecycle";
import { recordAuditEvent, type AuditActor } from "@/lib/server/audit/record-audit-event";
import { SYSTEM_META, type RequestMeta } from "@/lib/server/request-meta";
import { updateCase } from "./load-case";

const OUTCOME_OF_STATUS: Record<string, TChangeOutcome | undefined> = { EFFECTIVE: "EFFECTIVE", REJECTED: "WITHDRAWN", CANCELLED: "WITHDRAWN" };

/** Which case-relevant outcome a change-request status is, if any. */
export function changeOutcomeOf(status: unknown): TChangeOutcome | undefined {
  return typeof status === "string" ? OUTCOME_OF_STATUS[status] : undefined;
}

/**
 * Moves the correction case a change request was made for, in the request's transaction: in
 * progress when submitted, closed (corrected) when the change takes effect, back to open when it
 * is rejected or withdrawn. A case an auditor already closed is left alone. Closing and reopening
 * are the system's doing, whoever's action moved the request.
 */
export async function followChange(
  tx: Prisma.TransactionClient,
  request: { id: string; reference: string; caseId: string | null },
  change: TChangeOutcome,
  actor: AuditActor = null,
  requestMeta: RequestMeta = SYSTEM_META,
) {
  if (!request.caseId) return;
  const found = await tx.case.findUnique({ where: { id: request.caseId } });
  const to = found && caseFollowingChange(found.status, change);
  if (!found || !to) return;
  if (to === "CLOSED") {
    const outcomeNote = `${request.reference}`;
    await updateCase(tx, found, { status: "CLOSED", outcome: "CORRECTED", outcomeNote, closedAt: new Date(), closedById: null });
    await recordAuditEvent(tx, { action: "case.closed", entity: "case", entityId: found.id, before: { status: found.status }, after: { outcome: "CORRECTED", outcomeNote, changeRequestId: request.id } }, null, SYSTEM_META);
    return;
  }
  await updateCase(tx, found, { status: to });
  await recordAuditEvent(tx, { action: "case.followed-change", entity: "case", entityId: found.id, before: { status: found.status }, after: { status: to, changeRequestId: request.id, changeStatus: change } }, actor, requestMeta);
}
