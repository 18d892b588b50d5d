import "server-only";
import { FileRefusedError } from "@/lib/domain/reconciliation/decode";
import type { ReadState } from "@/lib/domain/reconciliation/read-file";
import { recordAuditEvent, type AuditActor } from "@/lib/server/audit/record-audit-event";
import { database } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { assertWritable } from "@/lib/server/maintenance/guard";
import { readOnlyState } from "@/lib/server/maintenance/read-only-now";
import { SYSTEM_META, type RequestMeta } from "@/lib/server/request-meta";
import type { ChangeInstantsAsOf } from "./change-instants";
import { compareRows, INSERT_FINDINGS, StagedRowsMissingError } from "./compare-rows";
import { removeRunFile, runFileExists, runFilePath } from "./run-file";
import { RawRowsNotValidError } from "./group-raw-rows";
import { deleteRawRows, rawRange, type RawRange } from "./raw-rows";
import { stagePlain } from "./stage-plain";
import { stageRows, type StageHooks, type StageProgress } from "./stage-rows";

/** A worker writes its heartbeat at least this often; one older than STALE_AFTER_MS is a dead worker. */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 30_000;
const PROGRESS_MS = 500;

export type RunHooks = StageHooks & { beforeFinish?: () => Promise<void> | void; afterStaging?: () => void };
export type ProcessOutcome = "DONE" | "REFUSED" | "FAILED" | "NOT_CLAIMED";

type Claimed = {
  status: "STAGING" | "COMPARING" | "RECEIVING"; attempts: number; sizeBytes: string; sha256: string | null; createdById: string; rowsStaged: number;
  rawSeqFrom: string | null; rawSeqTo: string | null;
};

/**
 * Takes the run for this worker if nobody holds it: no heartbeat (handed over, or released after an
 * error) or a stale one (the app died). One UPDATE decides, so two workers never run it together.
 */
async function claim(runId: string, now: Date, handover: boolean): Promise<Claimed | null> {
  const { sql } = await database();
  // `handover`: the upload just received the file (fresh heartbeat, never attempted) and passes it on.
  const [row] = await sql.query<Claimed>(
    `UPDATE "ReconciliationRun" SET "heartbeatAt" = $2, "attempts" = "attempts" + 1, "version" = "version" + 1
      WHERE id = $1 AND status IN ('RECEIVING', 'STAGING', 'COMPARING')
        AND ("heartbeatAt" IS NULL OR "heartbeatAt" < $3 OR ($4 AND status = 'STAGING' AND "attempts" = 0))
      RETURNING status, attempts, "sizeBytes"::text AS "sizeBytes", sha256, "createdById", "rowsStaged", "rawSeqFrom"::text AS "rawSeqFrom", "rawSeqTo"::text AS "rawSeqTo"`,
    [runId, now.toISOString(), new Date(now.getTime() - STALE_AFTER_MS).toISOString(), handover],
  );
  return row ?? null;
}

async function runActor(userId: string): Promise<AuditActor> {
  const user = await (await database()).prisma.user.findUnique({ where: { id: userId }, select: { id: true, username: true } });
  return user ?? null;
}

/**
 * `instants`: the change instants the upload began reading while the file arrived
 * (startReconciliationRun); a plain file's scan groups by them (decision 046).
 */
export type ProcessOptions = { hooks?: RunHooks; meta?: RequestMeta; handover?: boolean; instants?: Promise<ChangeInstantsAsOf> };

/**
 * Stages (if not yet staged), compares and finishes a run. Findings appear in one transaction at the
 * end or not at all; a crash or error leaves the run STAGING/COMPARING to be resumed (decision 019).
 */
export async function processRun(runId: string, options: ProcessOptions = {}): Promise<ProcessOutcome> {
  const db = await database();
  const claimed = await claim(runId, new Date(), options.handover ?? false);
  if (!claimed) return "NOT_CLAIMED";
  const actor = await runActor(claimed.createdById);
  const meta = options.meta ?? SYSTEM_META;
  const hooks = options.hooks ?? {};
  const beat = setInterval(() => {
    db.sql.query(`UPDATE "ReconciliationRun" SET "heartbeatAt" = $2 WHERE id = $1`, [runId, new Date().toISOString()]).catch(() => {});
  }, HEARTBEAT_MS);
  beat.unref?.();
  try {
    if (claimed.status === "RECEIVING") {
      // The upload itself broke off (the app died while receiving): there is nothing whole to stage.
      await refuse(runId, claimed, { key: "reconciliation.run.uploadInterrupted" }, actor, meta, "FAILED");
      return "FAILED";
    }
    let stagedRows = claimed.rowsStaged;
    let raw = rawRange(claimed);
    let mustStage = claimed.status === "STAGING";
    // A plain file is copied as text (decision 045), unless its rows turned out not all valid.
    let tryPlain = true;
    for (;;) {
      if (mustStage) {
        if (!runFileExists(runId)) {
          await refuse(runId, claimed, { key: "reconciliation.run.fileMissing" }, actor, meta, "FAILED");
          return "FAILED";
        }
        const staged = await stage(runId, claimed, hooks, actor, meta, tryPlain, options.instants);
        if (staged === "REFUSED") return "REFUSED";
        ({ rows: stagedRows, raw } = staged);
        hooks.afterStaging?.();
      }
      try {
        await compareRows(db.sql, runId, async (p) => {
          await assertWritable();
          await db.sql.query(`UPDATE "ReconciliationRun" SET "rowsCompared" = $2, "mismatchRows" = $3, "heartbeatAt" = $4 WHERE id = $1`, [runId, p.rowsCompared, p.mismatchRows, new Date().toISOString()]);
        }, { expectedRows: stagedRows, raw });
        break;
      } catch (err) {
        if (err instanceof RawRowsNotValidError) {
          // The reader says which rows and why, as for any file that is not plain.
          logger.info({ runId, line: err.firstLine }, "a plain reconciliation file holds rows the reader refuses; reading it again");
          await db.sql.query(`UPDATE "ReconciliationRun" SET status = 'STAGING', "version" = "version" + 1 WHERE id = $1`, [runId]);
          mustStage = true;
          tryPlain = false;
          continue;
        }
        // Staged rows are unlogged (decision 043): a database crash empties them. Stage the file again
        // (kept until the findings are written), once; without it the run cannot go on.
        if (!(err instanceof StagedRowsMissingError) || mustStage) throw err;
        logger.warn({ runId, expected: err.expected, found: err.found }, "staged rows of a reconciliation run are missing; staging again");
        if (!runFileExists(runId)) {
          await refuse(runId, claimed, { key: "reconciliation.run.stagedRowsLost" }, actor, meta, "FAILED");
          return "FAILED";
        }
        await db.sql.query(`UPDATE "ReconciliationRun" SET status = 'STAGING', "version" = "version" + 1 WHERE id = $1`, [runId]);
        mustStage = true;
      }
    }
    await hooks.beforeFinish?.();
    await finish(runId, actor, meta);
    return "DONE";
  } catch (err) {
    // Release the run at once so "resume" need not wait for the heartbeat to go stale.
    await db.sql.query(`UPDATE "ReconciliationRun" SET "heartbeatAt" = NULL WHERE id = $1`, [runId]).catch(() => {});
    throw err;
  } finally {
    clearInterval(beat);
  }
}

/** Stages the run's file; answers how many rows were staged (and where, if copied as text), or REFUSED. */
async function stage(runId: string, claimed: Claimed, hooks: RunHooks, actor: AuditActor, meta: RequestMeta, tryPlain: boolean, instants?: Promise<ChangeInstantsAsOf>): Promise<{ rows: number; raw?: RawRange } | "REFUSED"> {
  const { sql } = await database();
  // A restart begins again from the file: rows of an earlier attempt go first.
  await sql.query(`DELETE FROM "ReconciliationRow" WHERE "runId" = $1`, [runId]);
  await sql.query(`DELETE FROM "ReconciliationRejectedRow" WHERE "runId" = $1`, [runId]);
  await sql.query(`DELETE FROM "ReconciliationRowGroup" WHERE "runId" = $1`, [runId]);
  await deleteRawRows((text, ...params) => sql.query(text, params), runId);
  await sql.query(`UPDATE "ReconciliationRun" SET "bytesRead" = 0, "rowsRead" = 0, "rowsStaged" = 0, "rowsRejected" = 0, "rowsCompared" = 0, "mismatchRows" = 0 WHERE id = $1`, [runId]);
  const state: ReadState = {};
  let lastProgress = 0;
  const stageHooks: StageHooks = {
    afterBatch: async (p) => {
      // Progress (and the read-only check) at most every PROGRESS_MS: a batch takes milliseconds.
      if (Date.now() - lastProgress < PROGRESS_MS) return hooks.afterBatch?.(p);
      lastProgress = Date.now();
      await assertWritable();
      await sql.query(
        `UPDATE "ReconciliationRun" SET "bytesRead" = $2, "rowsRead" = $3, "rowsStaged" = $4, "rowsRejected" = $5, "encoding" = $6, "heartbeatAt" = $7 WHERE id = $1`,
        [runId, p.bytesRead, p.rowsStaged + p.rowsRejected, p.rowsStaged, p.rowsRejected, state.encoding ?? null, new Date().toISOString()],
      );
      await hooks.afterBatch?.(p);
    },
  };
  const staged = async (progress: StageProgress, raw?: RawRange) => {
    await sql.query(
      `UPDATE "ReconciliationRun" SET status = 'COMPARING', "bytesRead" = $2, "rowsRead" = $3, "rowsStaged" = $4, "rowsRejected" = $5, "encoding" = $6, "heartbeatAt" = $7,
              "rawSeqFrom" = $8, "rawSeqTo" = $9, "version" = "version" + 1 WHERE id = $1`,
      [runId, progress.bytesRead, progress.rowsStaged + progress.rowsRejected, progress.rowsStaged, progress.rowsRejected, state.encoding ?? null, new Date().toISOString(), raw?.seqFrom.toString() ?? null, raw?.seqTo.toString() ?? null],
    );
    return { rows: progress.rowsStaged, raw };
  };
  if (tryPlain && sql.copyFrom && env().reconciliationPlainCopy) {
    const plain = await stagePlain(sql, runId, runFilePath(runId), stageHooks, state, instants);
    if ("seqFrom" in plain) return staged(plain, { seqFrom: plain.seqFrom, seqTo: plain.seqTo, scanned: { groups: plain.groups, fingerprint: plain.fingerprint } });
    logger.info({ runId, why: plain.why, line: plain.line }, "reconciliation file is not plain: read by the app's reader");
    // The reader's progress starts again from the file's beginning.
    lastProgress = 0;
    await sql.query(`UPDATE "ReconciliationRun" SET "bytesRead" = 0, "rowsRead" = 0, "rowsStaged" = 0 WHERE id = $1`, [runId]);
  }
  try {
    return await staged(await stageRows(sql, runId, runFilePath(runId), stageHooks, state));
  } catch (err) {
    if (!(err instanceof FileRefusedError)) throw err;
    await refuse(runId, claimed, { key: err.key, lineNumber: err.lineNumber, detail: err.detail }, actor, meta, "REFUSED", state.encoding ?? null);
    return "REFUSED";
  }
}

/** The whole file is refused (or the upload broke off): nothing of it stays, neither rows nor the file. */
async function refuse(
  runId: string,
  claimed: Claimed,
  refusal: { key: string; lineNumber?: number; detail?: Record<string, unknown> },
  actor: AuditActor,
  meta: RequestMeta,
  status: "REFUSED" | "FAILED",
  encoding: string | null = null,
) {
  const { prisma } = await database();
  removeRunFile(runId);
  await prisma.$transaction(async (tx) => {
    await deleteRawRows((text, ...params) => tx.$queryRawUnsafe(text, ...params), runId);
    await tx.reconciliationRow.deleteMany({ where: { runId } });
    await tx.reconciliationRejectedRow.deleteMany({ where: { runId } });
    await tx.reconciliationRowGroup.deleteMany({ where: { runId } });
    await tx.reconciliationRun.update({
      where: { id: runId },
      data: {
        status, encoding, refusalKey: refusal.key, refusalDetail: { line: refusal.lineNumber ?? null, ...(refusal.detail ?? {}) } as object,
        rowsStaged: 0, rowsRejected: 0, rowsCompared: 0, mismatchRows: 0, heartbeatAt: null, finishedAt: new Date(), version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, { action: "reconciliation.run-refused", entity: "reconciliation-run", entityId: runId, after: { key: refusal.key, lineNumber: refusal.lineNumber ?? null, sizeBytes: Number(claimed.sizeBytes), sha256: claimed.sha256 } }, actor, meta);
  });
}

/** Findings from the mismatches, the run DONE and its audit event: one transaction. */
async function finish(runId: string, actor: AuditActor, meta: RequestMeta) {
  const { prisma } = await database();
  // Compared: the file (full account numbers) is not needed any more. Gone before the findings are
  // committed, so no finished run leaves it behind; a crash in between compares the staged rows again.
  removeRunFile(runId);
  await prisma.$transaction(async (tx) => {
    await tx.reconciliationFinding.deleteMany({ where: { runId } });
    // The planner takes the run's groups for many more findings than they make: no JIT for them.
    await tx.$executeRawUnsafe(`SELECT set_config('jit', 'off', true)`);
    const findings = await tx.$executeRawUnsafe(INSERT_FINDINGS, runId);
    const run = await tx.reconciliationRun.update({
      where: { id: runId },
      data: { status: "DONE", findingsCount: findings, heartbeatAt: null, finishedAt: new Date(), version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      action: "reconciliation.run-completed", entity: "reconciliation-run", entityId: runId,
      after: { sizeBytes: Number(run.sizeBytes), sha256: run.sha256, encoding: run.encoding, rowsStaged: run.rowsStaged, rowsRejected: run.rowsRejected, mismatchRows: run.mismatchRows, findings },
    }, actor, meta);
  }, { timeout: 600_000 });
}

/** Runs left by a dead worker (stale heartbeat) are picked up again at startup. */
export async function resumeAbandonedRuns() {
  if ((await readOnlyState(await (await database()).prisma, new Date())).readOnly) return { paused: true };
  const { sql } = await database();
  const rows = await sql.query<{ id: string }>(
    `SELECT id FROM "ReconciliationRun" WHERE status IN ('RECEIVING', 'STAGING', 'COMPARING') AND ("heartbeatAt" IS NULL OR "heartbeatAt" < $1)`,
    [new Date(Date.now() - STALE_AFTER_MS).toISOString()],
  );
  for (const r of rows) {
    await processRun(r.id).catch((err) => logger.error({ err, runId: r.id }, "resuming a reconciliation run failed"));
  }
  return { paused: false, resumed: rows.length };
}
