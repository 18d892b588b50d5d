import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { maintenanceRefusal } from "@/lib/server/maintenance/guard";
import { readOnlyInTransaction, readOnlyState } from "@/lib/server/maintenance/read-only-now";
import { SYSTEM_META } from "@/lib/server/request-meta";
import { keyRing } from "./keys";
import { resealSensitive, sealedKeyId } from "./sensitive";

/**
 * Every place a sealed value is stored. A text column holds one; a JSON column holds them anywhere
 * inside (a proposal's legalRepIdEnc / accountNoEnc, a draft's sealed numbers). The rotation test
 * scans every column of every table for the old key id, so a new place left off this list fails it.
 */
export const SEALED_LOCATIONS = [
  { table: "Merchant", column: "legalRepIdEnc", kind: "text" },
  { table: "ReceivingAccount", column: "accountNoEnc", kind: "text" },
  { table: "ChangeRequest", column: "proposal", kind: "json" },
  { table: "ApplicationDraft", column: "data", kind: "json" },
] as const;

type Location = (typeof SEALED_LOCATIONS)[number];
export type RotationProgress = { location: string; pass: number; rotated: number; batchRows: number };
export type RotationResult = {
  activeKeyId: string;
  outcome: "complete" | "incomplete";
  rotated: number;
  remaining: number;
  unreadable: number;
  passes: number;
  byLocation: Record<string, number>;
  stoppedBy?: string;
  unreadableRows?: string[];
};

const label = (l: Location) => `${l.table}.${l.column}`;

/** Rows whose value still holds a ciphertext under a key other than the active one ($1 = active key id). */
function needsRotation(l: Location, param: number) {
  const col = `"${l.column}"`;
  return l.kind === "text"
    ? `${col} IS NOT NULL AND split_part(${col}, '.', 1) = 'v1' AND split_part(${col}, '.', 2) <> $${param}`
    : // A JSON string value `"v1.<id>.` whose id is not the active one (a lookahead: key ids hold no regex metacharacters).
      `${col}::text ~ ('"v1\\.(?!' || $${param} || '\\.)[A-Za-z0-9_-]{1,16}\\.')`;
}

/** Every string inside a JSON value that is sealed under another key, sealed afresh; counts them. */
function resealJson(value: unknown, activeId: string, counter: { n: number }): unknown {
  if (typeof value === "string") {
    const keyId = sealedKeyId(value);
    if (keyId === null || keyId === activeId) return value;
    counter.n++;
    return resealSensitive(value);
  }
  if (Array.isArray(value)) return value.map((v) => resealJson(v, activeId, counter));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resealJson(v, activeId, counter)]));
  return value;
}

/**
 * One small transaction: up to `batchSize` rows after `afterId` that still need it, locked FOR UPDATE
 * SKIP LOCKED (a row an app transaction holds is left for the next pass rather than waited on, so
 * rotation never blocks the app nor deadlocks with it), re-sealed and written back in place. The
 * switch is read FOR SHARE first, like every mutation: maintenance stops the run between batches.
 */
async function rotateBatch(tx: Prisma.TransactionClient, l: Location, activeId: string, afterId: string, batchSize: number, unreadable: Set<string>) {
  const state = await readOnlyInTransaction(tx);
  if (state.readOnly) throw maintenanceRefusal(state);
  const rows = await tx.$queryRawUnsafe<{ id: string; value: unknown }[]>(
    `SELECT id, "${l.column}" AS value FROM "${l.table}" WHERE id > $2 AND ${needsRotation(l, 1)} ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`,
    activeId,
    afterId,
  );
  let rotated = 0;
  for (const row of rows) {
    try {
      if (l.kind === "text") {
        const sealed = resealSensitive(row.value as string);
        await tx.$executeRawUnsafe(`UPDATE "${l.table}" SET "${l.column}" = $1 WHERE id = $2`, sealed, row.id);
        rotated++;
      } else {
        const counter = { n: 0 };
        const value = typeof row.value === "string" ? JSON.parse(row.value) : row.value;
        const resealed = resealJson(value, activeId, counter);
        await tx.$executeRawUnsafe(`UPDATE "${l.table}" SET "${l.column}" = $1::jsonb WHERE id = $2`, JSON.stringify(resealed), row.id);
        rotated += counter.n;
      }
    } catch (err) {
      if (err instanceof Error && err.message.startsWith("unreadable sealed value")) unreadable.add(`${label(l)} ${row.id}: ${err.message}`);
      else throw err;
    }
  }
  return { rotated, rows: rows.length, lastId: rows.at(-1)?.id };
}

async function countRemaining(activeId: string) {
  const db = await prisma();
  let total = 0;
  for (const l of SEALED_LOCATIONS) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${l.table}" WHERE ${needsRotation(l, 1)}`, activeId);
    total += row?.n ?? 0;
  }
  return total;
}

/**
 * `npm run keys:rotate`: every sealed value under another key id is sealed afresh under the active
 * one, while the app runs (decision 028). Passes over every location until one finds nothing left
 * to do (rows skipped as locked are taken on the next pass); running it again is harmless — it
 * only touches values not yet under the active key. One audit event per run, by the system.
 */
export async function rotateSealedValues(options: { batchSize?: number; maxPasses?: number; onProgress?: (p: RotationProgress) => void | Promise<void> } = {}): Promise<RotationResult> {
  const { batchSize = 200, maxPasses = 5, onProgress } = options;
  const db = await prisma();
  const { activeId } = keyRing();
  if ((await readOnlyState(db)).readOnly) throw new UseCaseError("MAINTENANCE");
  const startedAt = new Date();
  const byLocation: Record<string, number> = Object.fromEntries(SEALED_LOCATIONS.map((l) => [label(l), 0]));
  const unreadable = new Set<string>();
  let passes = 0;
  let stoppedBy: string | undefined;
  let remaining = 0;
  try {
    for (;;) {
      passes++;
      let rotatedThisPass = 0;
      for (const l of SEALED_LOCATIONS) {
        for (let afterId = ""; ; ) {
          const batch = await db.$transaction((tx) => rotateBatch(tx, l, activeId, afterId, batchSize, unreadable));
          byLocation[label(l)]! += batch.rotated;
          rotatedThisPass += batch.rotated;
          await onProgress?.({ location: label(l), pass: passes, rotated: byLocation[label(l)]!, batchRows: batch.rows });
          if (batch.rows < batchSize || !batch.lastId) break;
          afterId = batch.lastId;
        }
      }
      remaining = await countRemaining(activeId);
      // What is left is either unreadable (no pass helps) or was locked by the app, or copied from an
      // old ciphertext by a transaction that read it before this pass: another pass takes those.
      if (remaining <= unreadable.size || passes >= maxPasses) break;
      if (rotatedThisPass === 0) await new Promise((r) => setTimeout(r, 500));
    }
  } catch (err) {
    if (!(err instanceof UseCaseError && err.code === "MAINTENANCE")) throw err;
    stoppedBy = "maintenance";
    remaining = await countRemaining(activeId);
  }
  const rotated = Object.values(byLocation).reduce((a, b) => a + b, 0);
  const result: Omit<RotationResult, "unreadableRows"> = {
    activeKeyId: activeId,
    outcome: remaining === 0 ? "complete" : "incomplete",
    rotated,
    remaining,
    unreadable: unreadable.size,
    passes,
    byLocation,
    ...(stoppedBy ? { stoppedBy } : {}),
  };
  await db.$transaction((tx) =>
    recordAuditEvent(
      tx,
      { action: "keys.rotated", entity: "encryption-key", entityId: activeId, after: { ...result, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString() } },
      null,
      SYSTEM_META,
    ),
  );
  return { ...result, ...(unreadable.size ? { unreadableRows: [...unreadable] } : {}) };
}
