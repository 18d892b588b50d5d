import "server-only";
import { ZRejectSchema } from "@/lib/domain/workflow/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadForDecision, moveRequest } from "./load-for-decision";

/** Rejected requests are closed and kept forever; the merchant may get a new request afterwards. */
export async function rejectChangeRequest({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:approve");
  const data = parseInput(ZRejectSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const { request, to } = await loadForDecision(tx, actor, "reject", data);
    await moveRequest(tx, request, { status: to, decisionNote: data.reason, decidedAt: new Date(), openMerchantId: null });
    await recordAuditEvent(tx, { action: "change.rejected", entity: "change-request", entityId: request.id, before: { status: request.status }, after: { reason: data.reason } }, actor, requestMeta);
    return { status: to };
  });
}
