import "server-only";
import { ZReturnSchema } from "@/lib/domain/workflow/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadForDecision, moveRequest } from "./load-for-decision";

/** Back to the maker for correction; it stays open, and needs a fresh verification afterwards. */
export async function returnChangeRequest({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:approve");
  const data = parseInput(ZReturnSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const { request, to } = await loadForDecision(tx, actor, "return", data);
    await moveRequest(tx, request, { status: to, decisionNote: data.comment, verifierId: null, approverId: null });
    await recordAuditEvent(tx, { action: "change.returned", entity: "change-request", entityId: request.id, before: { status: request.status }, after: { comment: data.comment } }, actor, requestMeta);
    return { status: to };
  });
}
