import "server-only";
import { ZResumeRunSchema } from "@/lib/domain/reconciliation/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { STALE_AFTER_MS } from "./process-run";
import { rawRange } from "./raw-rows";

/**
 * Resume a run a dead or failed worker left (STAGING: restaged from the kept file; COMPARING:
 * compared again), or re-run a finished one against the records as they are now (its findings are
 * replaced in one transaction at the end). The caller then hands the run to processRun.
 */
export async function resumeReconciliationRun({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "reconciliation:run");
  const { runId, version } = parseInput(ZResumeRunSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const run = await tx.reconciliationRun.findUnique({ where: { id: runId } });
    if (!run) throw new UseCaseError("NOT_FOUND");
    if (run.stagedRowsPurgedAt) throw new UseCaseError("CONFLICT", { _form: ["validation.reconciliation.stagedRowsPurged"] });
    // Staged rows are unlogged (decision 043): a database crash empties the table, and a finished
    // run's file is gone, so re-running it would only fail and hide its findings.
    if (run.status === "DONE" && run.rowsStaged > 0) {
      const range = rawRange(run);
      const staged = range
        ? (await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "ReconciliationRawRow" WHERE seq BETWEEN $1 AND $2 LIMIT 1`, range.seqFrom, range.seqTo)).length > 0
        : (await tx.reconciliationRow.findFirst({ where: { runId }, select: { lineNumber: true } })) !== null;
      if (!staged) throw new UseCaseError("CONFLICT", { _form: ["validation.reconciliation.stagedRowsLost"] });
    }
    const held = run.heartbeatAt !== null && run.heartbeatAt.getTime() > Date.now() - STALE_AFTER_MS;
    const resumable = (run.status === "STAGING" || run.status === "COMPARING" || run.status === "RECEIVING") && !held;
    if (!resumable && run.status !== "DONE") throw new UseCaseError("CONFLICT", { _form: ["validation.reconciliation.notResumable"] });
    const { count } = await tx.reconciliationRun.updateMany({
      where: { id: runId, version },
      data: { ...(run.status === "DONE" ? { status: "COMPARING", finishedAt: null } : {}), heartbeatAt: null, version: version + 1 },
    });
    if (count !== 1) throw new UseCaseError("CONFLICT");
    await recordAuditEvent(tx, { action: "reconciliation.run-resumed", entity: "reconciliation-run", entityId: runId, before: { status: run.status }, after: { attempt: run.attempts + 1 } }, actor, requestMeta);
    return { runId, version: version + 1 };
  });
}
