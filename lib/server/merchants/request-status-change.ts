import "server-only";
import crypto from "node:crypto";
import { STATUS_CHANGE, ZRequestStatusChangeSchema } from "@/lib/domain/merchant/status-change";
import { initialStatus } from "@/lib/domain/workflow/change-request-machine";
import { newChangeReference } from "@/lib/server/applications/change-reference";
import { requestColumns } from "@/lib/server/applications/prepare-proposal";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { assertFreeForChange, changeableMerchant, openingRequest } from "./merchant-change-guards";

/**
 * A clerk asks to suspend an active merchant or reactivate a suspended one, with a reason. It is a
 * change request like any other (one open per merchant, against the version seen, maker ≠
 * approver) but carries the approved record unchanged: there is nothing to re-key, so it goes
 * straight to a supervisor.
 */
export async function requestStatusChange({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:submit");
  const { merchantId, merchantVersion, kind, reason } = parseInput(ZRequestStatusChangeSchema, input);
  const db = await prisma();
  const current = await changeableMerchant(db, merchantId, merchantVersion);
  const { from, wrongStatus } = STATUS_CHANGE[kind];
  if (current.merchant.status !== from) throw new UseCaseError("CONFLICT", { _form: [wrongStatus] });
  const now = new Date();
  return openingRequest(() =>
    db.$transaction(async (tx) => {
      await assertFreeForChange(tx, merchantId, merchantVersion);
      const request = await tx.changeRequest.create({
        data: {
          id: crypto.randomUUID(), reference: newChangeReference(now), kind, merchantId, openMerchantId: merchantId,
          status: initialStatus(kind), makerId: actor.id, baseVersion: merchantVersion, ...requestColumns(current.sealed),
          makerNote: reason, findings: [], riskFlags: [], highRisk: false, submittedAt: now,
        },
        select: { id: true, reference: true },
      });
      await recordAuditEvent(
        tx,
        { action: "change.submitted", entity: "change-request", entityId: request.id, after: { reference: request.reference, kind, merchantId, accountLast4: current.sealed.account.accountLast4, findings: [], reason } },
        actor,
        requestMeta,
      );
      return { changeRequestId: request.id, reference: request.reference };
    }),
  );
}
