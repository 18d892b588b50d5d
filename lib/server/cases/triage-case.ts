import "server-only";
import { ZTriageCaseSchema } from "@/lib/domain/cases/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadCaseFor, requireCaseWorker, updateCase } from "./load-case";

/** An auditor sets how urgent the case is and who works it. */
export async function triageCase({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "case:triage");
  const data = parseInput(ZTriageCaseSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const { found, to } = await loadCaseFor(tx, data, "triage");
    await requireCaseWorker(tx, data.assigneeId);
    const version = await updateCase(tx, found, { status: to, priority: data.priority, assigneeId: data.assigneeId });
    await recordAuditEvent(
      tx,
      { action: "case.triaged", entity: "case", entityId: found.id, before: { status: found.status, priority: found.priority, assigneeId: found.assigneeId }, after: { status: to, priority: data.priority, assigneeId: data.assigneeId } },
      actor,
      requestMeta,
    );
    return { status: to, version };
  });
}
