import "server-only";
import { ZCloseCaseSchema } from "@/lib/domain/cases/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadCaseFor, updateCase } from "./load-case";

/** An auditor closes a case with what came of it; a closed case stays closed and is kept. */
export async function closeCase({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "case:triage");
  const data = parseInput(ZCloseCaseSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const { found, to } = await loadCaseFor(tx, data, "close");
    const version = await updateCase(tx, found, { status: to, outcome: data.outcome, outcomeNote: data.outcomeNote, closedAt: new Date(), closedById: actor.id });
    await recordAuditEvent(tx, { action: "case.closed", entity: "case", entityId: found.id, before: { status: found.status }, after: { outcome: data.outcome, outcomeNote: data.outcomeNote } }, actor, requestMeta);
    return { status: to, version };
  });
}
