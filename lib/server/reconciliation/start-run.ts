import "server-only";
import crypto from "node:crypto";
import { uuidV7 } from "@/lib/domain/ids/uuid-v7";
import fs from "node:fs";
import { once } from "node:events";
import { ZStartRunSchema } from "@/lib/domain/reconciliation/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { database } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import { env } from "@/lib/server/env";
import type { RequestMeta } from "@/lib/server/request-meta";
import { CHANGE_KINDS, loadChangeInstants } from "./change-instants";
import { HEARTBEAT_MS } from "./process-run";
import { removeRunFile, runFilePath } from "./run-file";

/** Far above a month of a large acquirer's transactions (~100 bytes a row): a runaway upload stops here. */
export const MAX_FILE_BYTES = 4 * 1024 ** 3;

export function newRunReference(now: Date) {
  return `RECON-${now.toISOString().slice(0, 10).replaceAll("-", "")}-${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
}

/**
 * Receives an uploaded transaction file (streamed to disk under DATA_DIR, hashed as it comes, never
 * held in memory) and leaves the run ready to stage (STAGING, still held): the caller hands it to
 * processRun with `handover`, and with `instants`, the records' change instants read while the file
 * arrived (the database is idle meanwhile; a plain file's scan needs them, decision 046). An upload
 * that breaks off leaves a FAILED run and no file.
 */
export async function startReconciliationRun({ actor, input, body, requestMeta }: { actor: Actor | null; input: unknown; body: AsyncIterable<Uint8Array> | null; requestMeta: RequestMeta }) {
  authorize(actor, "reconciliation:run");
  const { fileName } = parseInput(ZStartRunSchema, input);
  if (body === null) throw new UseCaseError("VALIDATION", { file: ["validation.reconciliation.fileRequired"] });
  const db = await database();
  const now = new Date();
  const run = await db.prisma.$transaction(async (tx) => {
    const created = await tx.reconciliationRun.create({
      data: { id: uuidV7(now.getTime(), crypto.randomBytes(10)), reference: newRunReference(now), createdById: actor.id, fileName, startedAt: now, heartbeatAt: now },
    });
    await recordAuditEvent(tx, { action: "reconciliation.run-started", entity: "reconciliation-run", entityId: created.id, after: { reference: created.reference, fileName } }, actor, requestMeta);
    return created;
  });

  const instants = db.sql.copyFrom && env().reconciliationPlainCopy ? loadChangeInstants(db.sql, CHANGE_KINDS) : undefined;
  // Awaited by the run's staging, if at all; a failure there reads them again.
  instants?.catch(() => {});
  const hash = crypto.createHash("sha256");
  let size = 0;
  let lastBeat = Date.now();
  const out = fs.createWriteStream(runFilePath(run.id), { mode: 0o600 });
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > MAX_FILE_BYTES) throw new UseCaseError("VALIDATION", { file: ["validation.reconciliation.fileTooLarge"] });
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, "drain");
      if (Date.now() - lastBeat > HEARTBEAT_MS) {
        lastBeat = Date.now();
        await db.sql.query(`UPDATE "ReconciliationRun" SET "sizeBytes" = $2, "heartbeatAt" = $3 WHERE id = $1`, [run.id, size, new Date().toISOString()]);
      }
    }
    await new Promise<void>((resolve, reject) => {
      out.once("error", reject);
      out.end(resolve);
    });
  } catch (err) {
    out.destroy();
    removeRunFile(run.id);
    await db.prisma.$transaction(async (tx) => {
      await tx.reconciliationRun.update({ where: { id: run.id }, data: { status: "FAILED", sizeBytes: size, refusalKey: "reconciliation.run.uploadInterrupted", heartbeatAt: null, finishedAt: new Date(), version: { increment: 1 } } });
      await recordAuditEvent(tx, { action: "reconciliation.run-refused", entity: "reconciliation-run", entityId: run.id, after: { key: "reconciliation.run.uploadInterrupted", lineNumber: null, sizeBytes: size, sha256: null } }, actor, requestMeta);
    }).catch(() => {});
    throw err;
  }
  const sha256 = hash.digest("hex");
  await db.sql.query(
    `UPDATE "ReconciliationRun" SET status = 'STAGING', "sizeBytes" = $2, sha256 = $3, "heartbeatAt" = $4, "version" = "version" + 1 WHERE id = $1`,
    [run.id, size, sha256, new Date().toISOString()],
  );
  return { runId: run.id, reference: run.reference, sizeBytes: size, sha256, instants };
}
