import "server-only";
import { ZAssignCaseSchema } from "@/lib/domain/cases/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadCaseFor, requireCaseWorker, updateCase } from "./load-case";

/** Hands an open case to another auditor (or takes it), and/or changes its priority. */
export async function assignCase({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "case:triage");
  const data = parseInput(ZAssignCaseSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const { found } = await loadCaseFor(tx, data, "assign");
    const priority = data.priority ?? found.priority;
    if (found.assigneeId === data.assigneeId && priority === found.priority) {
      throw new UseCaseError("VALIDATION", { assigneeId: [data.priority ? "validation.case.nothingChanged" : "validation.case.alreadyAssigned"] });
    }
    await requireCaseWorker(tx, data.assigneeId);
    const version = await updateCase(tx, found, { assigneeId: data.assigneeId, priority });
    await recordAuditEvent(
      tx,
      { action: "case.assigned", entity: "case", entityId: found.id, before: { assigneeId: found.assigneeId, priority: found.priority }, after: { assigneeId: data.assigneeId, priority } },
      actor,
      requestMeta,
    );
    return { version };
  });
}
