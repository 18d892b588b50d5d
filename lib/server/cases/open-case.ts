import "server-only";
import crypto from "node:crypto";
import type { CaseKind, Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent, type AuditActor } from "@/lib/server/audit/record-audit-event";
import type { RequestMeta } from "@/lib/server/request-meta";

export function newCaseReference(now: Date) {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `CASE-${day}-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
}

/**
 * Opens a case for auditors inside the caller's transaction, audited with it: the event that
 * caused the case and the case itself commit or vanish together. `actor` null: the system.
 */
export async function openCase(
  tx: Prisma.TransactionClient,
  input: { kind: CaseKind; merchantId: string | null; changeRequestId: string | null; spotCheckItemId?: string | null; terminalId?: string | null; summary: string; details?: Prisma.InputJsonValue; now: Date },
  actor: AuditActor,
  requestMeta: RequestMeta,
) {
  const opened = await tx.case.create({
    data: {
      id: crypto.randomUUID(),
      reference: newCaseReference(input.now),
      kind: input.kind,
      merchantId: input.merchantId,
      changeRequestId: input.changeRequestId,
      spotCheckItemId: input.spotCheckItemId ?? null,
      terminalId: input.terminalId ?? null,
      summary: input.summary,
      details: input.details,
      createdAt: input.now,
      createdById: actor?.id ?? null,
    },
  });
  await recordAuditEvent(
    tx,
    { action: "case.opened", entity: "case", entityId: opened.id, after: { reference: opened.reference, kind: opened.kind, merchantId: opened.merchantId, changeRequestId: opened.changeRequestId, spotCheckItemId: opened.spotCheckItemId, terminalId: opened.terminalId } },
    actor,
    requestMeta,
  );
  return opened;
}
