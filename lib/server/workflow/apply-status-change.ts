import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { STATUS_CHANGE, type TStatusChangeKind } from "@/lib/domain/merchant/status-change";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/current-actor";
import { UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import type { LoadedRequest } from "./load-for-decision";

/**
 * An approved suspension or reactivation, in the approver's transaction: the merchant's status
 * moves and a new version records it; every other field, account and terminal stays as it was.
 * Like any change, it applies only to the version it was requested against.
 */
export async function applyStatusChange(tx: Prisma.TransactionClient, request: LoadedRequest & { kind: TStatusChangeKind }, approver: Actor, requestMeta: RequestMeta, now: Date) {
  const { from, to } = STATUS_CHANGE[request.kind];
  const current = await tx.merchant.findUniqueOrThrow({ where: { id: request.merchantId } });
  if (current.version !== request.baseVersion || current.status !== from) throw new UseCaseError("CONFLICT", { _form: ["validation.decision.merchantChanged"] });
  const version = current.version + 1;
  const { count } = await tx.merchant.updateMany({ where: { id: current.id, version: current.version, status: from }, data: { version, status: to } });
  if (count !== 1) throw new UseCaseError("CONFLICT");
  const previous = await tx.merchantVersion.findUniqueOrThrow({ where: { merchantId_version: { merchantId: current.id, version: current.version } } });
  const snapshot = previous.snapshot as { merchant: Record<string, unknown> };
  await tx.merchantVersion.create({
    data: { merchantId: current.id, version, changeRequestId: request.id, approvedById: approver.id, approvedAt: now, snapshot: { ...snapshot, merchant: { ...snapshot.merchant, status: to } } as Prisma.InputJsonValue },
  });
  await recordAuditEvent(
    tx,
    { action: "merchant.status-changed", entity: "merchant", entityId: current.id, before: { status: from, merchantVersion: current.version }, after: { status: to, merchantVersion: version, changeRequestId: request.id } },
    approver,
    requestMeta,
  );
  return { merchantVersion: version, accountPending: false };
}
