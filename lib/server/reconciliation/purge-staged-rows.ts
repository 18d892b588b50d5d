import "server-only";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { prisma } from "@/lib/server/db";
import { readOnlyState } from "@/lib/server/maintenance/read-only-now";
import { SYSTEM_META } from "@/lib/server/request-meta";
import { readSettings } from "@/lib/server/settings/read-settings";
import { deleteRawRows } from "./raw-rows";

const DAY_MS = 86_400_000;
const RUNS_PER_PASS = 20;

/**
 * System job: the staged rows of runs that ended longer ago than the retention setting are
 * deleted (a million-row file leaves a million rows). Findings, rejected rows and the audit trail
 * stay; the run is marked, and can no longer be re-run. One transaction and one audit event per
 * run; the conditional mark makes it safe on every instance at once, and a run re-run meanwhile
 * (version moved) is left alone.
 */
export async function purgeStagedReconciliationRows(now = new Date()) {
  const db = await prisma();
  if ((await readOnlyState(db)).readOnly) return { purgedRuns: 0, paused: true };
  const { keepStagedDays } = (await readSettings(db)).reconciliation;
  const due = await db.reconciliationRun.findMany({
    where: { status: { in: ["DONE", "REFUSED", "FAILED"] }, finishedAt: { lt: new Date(now.getTime() - keepStagedDays * DAY_MS) }, stagedRowsPurgedAt: null },
    select: { id: true, version: true, rowsStaged: true },
    orderBy: { finishedAt: "asc" },
    take: RUNS_PER_PASS,
  });
  let purgedRuns = 0;
  for (const run of due) {
    const purged = await db.$transaction(async (tx) => {
      const { count } = await tx.reconciliationRun.updateMany({
        where: { id: run.id, version: run.version, stagedRowsPurgedAt: null },
        data: { stagedRowsPurgedAt: now, version: run.version + 1 },
      });
      if (count !== 1) return false;
      await tx.reconciliationRowGroup.deleteMany({ where: { runId: run.id } });
      const copied = await deleteRawRows((text, ...params) => tx.$queryRawUnsafe(text, ...params), run.id);
      const rows = await tx.reconciliationRow.deleteMany({ where: { runId: run.id } });
      await recordAuditEvent(
        tx,
        { action: "reconciliation.staged-rows-purged", entity: "reconciliation-run", entityId: run.id, before: { rowsStaged: run.rowsStaged }, after: { rowsDeleted: rows.count + copied, keepStagedDays } },
        null,
        SYSTEM_META,
      );
      return true;
    });
    if (purged) purgedRuns++;
  }
  return { purgedRuns, paused: false };
}
