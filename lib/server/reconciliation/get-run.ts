import "server-only";
import { ZRunRefSchema } from "@/lib/domain/reconciliation/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import { STALE_AFTER_MS } from "./process-run";

export type RunView = Awaited<ReturnType<typeof getReconciliationRun>>;

/** A run's state and progress (polled by the run page while it works). */
export async function getReconciliationRun(actor: Actor | null, input: unknown) {
  authorize(actor, "reconciliation:run");
  const { runId } = parseInput(ZRunRefSchema, input);
  const db = await prisma();
  const run = await db.reconciliationRun.findUnique({ where: { id: runId } });
  if (!run) throw new UseCaseError("NOT_FOUND");
  const creator = await db.user.findUnique({ where: { id: run.createdById }, select: { displayName: true } });
  const working = run.status === "RECEIVING" || run.status === "STAGING" || run.status === "COMPARING";
  const held = run.heartbeatAt !== null && run.heartbeatAt.getTime() > Date.now() - STALE_AFTER_MS;
  return {
    id: run.id,
    reference: run.reference,
    fileName: run.fileName,
    createdBy: creator?.displayName ?? "",
    status: run.status,
    encoding: run.encoding,
    sha256: run.sha256,
    sizeBytes: Number(run.sizeBytes),
    bytesRead: Number(run.bytesRead),
    rowsRead: run.rowsRead,
    rowsStaged: run.rowsStaged,
    rowsRejected: run.rowsRejected,
    rowsCompared: run.rowsCompared,
    mismatchRows: run.mismatchRows,
    findingsCount: run.findingsCount,
    refusalKey: run.refusalKey,
    refusalDetail: (run.refusalDetail ?? null) as { line?: number | null; columns?: string[] } | null,
    attempts: run.attempts,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    stagedRowsPurgedAt: run.stagedRowsPurgedAt?.toISOString() ?? null,
    version: run.version,
    /** Working but nobody holds it: a worker died or stopped; the user may resume. */
    interrupted: working && !held,
    working: working && held,
  };
}
