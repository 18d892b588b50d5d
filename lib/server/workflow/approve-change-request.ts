import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { holdUntil } from "@/lib/domain/confirmations/hold";
import { isStatusChange } from "@/lib/domain/workflow/change-request-machine";
import { ZApproveSchema } from "@/lib/domain/workflow/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { readSettings } from "@/lib/server/settings/read-settings";
import { applyApprovedChange } from "./apply-approved-change";
import { applyStatusChange } from "./apply-status-change";
import { loadForDecision, moveRequest, type LoadedRequest } from "./load-for-decision";

type RiskFlagRef = { code: string };

/** What a final approval writes into the master record: the status alone, or the proposal. */
async function applyToMerchant(tx: Prisma.TransactionClient, request: LoadedRequest, actor: Actor, requestMeta: RequestMeta, now: Date, acquirerCode: string) {
  if (isStatusChange(request.kind)) return applyStatusChange(tx, { ...request, kind: request.kind }, actor, requestMeta, now);
  return applyApprovedChange(tx, request, actor, { acquirerCode, now });
}

/** Approval inside an already open transaction: the unit bulk approval repeats per item. */
export async function approveInTransaction(tx: Prisma.TransactionClient, actor: Actor, input: { changeRequestId: string; version: number; acknowledgedFlags: string[] }, requestMeta: RequestMeta) {
  const { request, to } = await loadForDecision(tx, actor, "approve", input);
  const flags = (request.riskFlags as RiskFlagRef[] | null) ?? [];
  const unacknowledged = flags.filter((f) => !input.acknowledgedFlags.includes(f.code)).map((f) => f.code);
  if (unacknowledged.length) throw new UseCaseError("VALIDATION", { acknowledgedFlags: ["validation.decision.acknowledgeFlags"] }, { flags: unacknowledged.join(", ") });
  const first = request.status === "AWAITING_APPROVAL";
  const final = to === "EFFECTIVE" || to === "PENDING_CONFIRMATION";
  const now = new Date();
  const settings = await readSettings(tx);
  await moveRequest(tx, request, {
    status: to,
    ...(first ? { approverId: actor.id } : { secondApproverId: actor.id }),
    ...(final ? { decidedAt: now } : {}),
    // A pending account change stays open (one open request per merchant) until it takes effect or is withdrawn.
    ...(to === "EFFECTIVE" ? { openMerchantId: null } : {}),
    ...(to === "PENDING_CONFIRMATION" ? { holdUntil: holdUntil(now, settings.confirmation.holdDays) } : {}),
  });
  const applied = final ? await applyToMerchant(tx, request, actor, requestMeta, now, settings.acquirerCode) : null;
  // The workflow's "changes the account" and the master record must agree, or a request would
  // close with its new account left pending forever.
  if (applied && "accountPending" in applied && applied.accountPending !== (to === "PENDING_CONFIRMATION")) {
    throw new Error(`change request ${request.id}: account pending ${applied.accountPending} but workflow status ${to}`);
  }
  await recordAuditEvent(
    tx,
    { action: "change.approved", entity: "change-request", entityId: request.id, before: { status: request.status }, after: { status: to, merchantId: request.merchantId, merchantVersion: applied?.merchantVersion ?? null, acknowledgedFlags: input.acknowledgedFlags } },
    actor,
    requestMeta,
  );
  return { status: to, merchantVersion: applied?.merchantVersion ?? null };
}

/**
 * Maker-checker approval. Race-safe by a conditional update on status and version: of any number
 * of supervisors acting at once, exactly one moves the request on; the others get CONFLICT.
 */
export async function approveChangeRequest({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:approve");
  const data = parseInput(ZApproveSchema, input);
  const db = await prisma();
  return db.$transaction((tx) => approveInTransaction(tx, actor, data, requestMeta));
}
