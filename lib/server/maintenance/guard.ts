import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { allowedWhileReadOnly, type TMaintenanceState } from "@/lib/domain/maintenance/maintenance-state";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { readOnlyInTransaction, readOnlyState } from "./read-only-now";

export function maintenanceRefusal(state: TMaintenanceState) {
  return new UseCaseError("MAINTENANCE", {}, { retryAfterSeconds: state.retryAfterSeconds, ...(state.until ? { until: state.until.toISOString() } : {}) });
}

/** Early refusal before any work: every mutation adapter (server action, API route, job) calls it first. */
export async function assertWritable(now = new Date()) {
  const state = await readOnlyState(await prisma(), now);
  if (state.readOnly) throw maintenanceRefusal(state);
}

/**
 * The last word, inside the mutation's own transaction (every mutation records an audit event, so
 * recordAuditEvent calls this): a mutation that passed the early check but meets the switch is
 * rolled back whole, never half-applied.
 */
export async function assertWritableInTransaction(tx: Prisma.TransactionClient, auditAction: string) {
  if (allowedWhileReadOnly(auditAction)) return;
  const state = await readOnlyInTransaction(tx);
  if (state.readOnly) throw maintenanceRefusal(state);
}
