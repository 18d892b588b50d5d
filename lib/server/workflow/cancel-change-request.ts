import "server-only";
import { ZCancelSchema } from "@/lib/domain/workflow/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadForDecision, moveRequest } from "./load-for-decision";

/** The maker withdraws a request still awaiting verification or returned; it is closed and kept, and frees the merchant for a new one. */
export async function cancelChangeRequest({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:submit");
  const data = parseInput(ZCancelSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const { request, to } = await loadForDecision(tx, actor, "cancel", data);
    await moveRequest(tx, request, { status: to, decidedAt: new Date(), openMerchantId: null });
    await recordAuditEvent(tx, { action: "change.cancelled", entity: "change-request", entityId: request.id, before: { status: request.status }, after: { status: to } }, actor, requestMeta);
    return { status: to };
  });
}
