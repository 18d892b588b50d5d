import "server-only";
import { verifyAndCheckpoint } from "@/lib/server/audit/checkpoint";
import { applyElapsedHolds } from "@/lib/server/confirmations/apply-elapsed-holds";
import { database } from "@/lib/server/db";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/server/demo/demo-users";
import { seedDemoCases } from "@/lib/server/demo/seed-demo-cases";
import { seedDemoMerchants } from "@/lib/server/demo/seed-demo-merchants";
import { seedDemoUsers } from "@/lib/server/demo/seed-demo-users";
import { seedReferenceData } from "@/lib/server/reference/seed-reference-data";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { purgeExpiredRateLimitHits } from "@/lib/server/cases/purge-rate-limit-hits";
import { resumeAbandonedRuns } from "@/lib/server/reconciliation/process-run";
import { purgeStagedReconciliationRows } from "@/lib/server/reconciliation/purge-staged-rows";
import { runDueSchedules } from "@/lib/server/spot-checks/run-due-schedules";

const CHECKPOINT_EVERY_MS = 15 * 60_000;
const HOLDS_EVERY_MS = 60_000;
const SCHEDULES_EVERY_MS = 5 * 60_000;
const RECONCILIATION_EVERY_MS = 60_000;
const RATE_LIMIT_PURGE_EVERY_MS = 60 * 60_000;

/** Pending account changes whose hold ran out take effect; every instance may run it (see applyElapsedHolds). */
function applyHoldsNow() {
  applyElapsedHolds()
    .then((r) => (r.applied || r.failed ? logger.info(r, "elapsed account-change holds applied") : undefined))
    .catch((err) => logger.error({ err }, "applying elapsed holds failed"));
}

/** Monthly spot-check campaigns that are due get drawn; every instance may run it (see runDueSchedules). */
function drawDueCampaignsNow() {
  runDueSchedules()
    .then((r) => (r.created || r.failed || r.skipped ? logger.info(r, "scheduled spot-check campaigns") : undefined))
    .catch((err) => logger.error({ err }, "drawing scheduled spot-check campaigns failed"));
}

/** Reconciliation runs whose worker died (here or on another instance) are taken up again (decision 019). */
function resumeRunsNow() {
  resumeAbandonedRuns().catch((err) => logger.error({ err }, "resuming reconciliation runs failed"));
}

/** Throttle hits older than a day are deleted: they count for nothing and hold source addresses. */
function purgeRateLimitHitsNow() {
  purgeExpiredRateLimitHits()
    .then((r) => (r.purged ? logger.info(r, "expired rate-limit hits purged") : undefined))
    .catch((err) => logger.error({ err }, "purging rate-limit hits failed"));
}

/** Staged rows of runs past the retention setting are deleted; findings stay (see purgeStagedReconciliationRows). */
function purgeStagedRowsNow() {
  purgeStagedReconciliationRows()
    .then((r) => (r.purgedRuns ? logger.info(r, "staged reconciliation rows purged") : undefined))
    .catch((err) => logger.error({ err }, "purging staged reconciliation rows failed"));
}

export async function startServerProcess() {
  const e = env();
  const db = await database();
  logger.info({ engine: db.engine, requireMfa: e.requireMfa }, "database ready, migrations applied");
  // Demo users only ever on the embedded database; a server gets them only from `npm run seed:demo`.
  await seedReferenceData(db.prisma);
  if (e.embedded && (await seedDemoUsers(db.prisma))) {
    console.log(
      `\n  PayeeGuard demo users (embedded database): ${DEMO_USERS.map((u) => u.username).join(", ")}\n  Password for all: ${DEMO_PASSWORD}\n`,
    );
  }
  // Demo merchants go through the real entry, blind verification and approval use cases.
  if (e.embedded) {
    await seedDemoMerchants().catch((err) => logger.warn({ err }, "demo merchants were not seeded"));
    await seedDemoCases().catch((err) => logger.warn({ err }, "demo cases were not seeded"));
  }
  const timer = setInterval(() => {
    verifyAndCheckpoint(db.prisma)
      .then((v) => (v.ok ? logger.info({ through: v.through.toString() }, "audit checkpoint written") : logger.error({ reason: v.reason }, "AUDIT CHAIN BROKEN")))
      .catch((err) => logger.error({ err }, "audit checkpoint failed"));
  }, CHECKPOINT_EVERY_MS);
  timer.unref();
  applyHoldsNow();
  setInterval(applyHoldsNow, HOLDS_EVERY_MS).unref();
  drawDueCampaignsNow();
  setInterval(drawDueCampaignsNow, SCHEDULES_EVERY_MS).unref();
  resumeRunsNow();
  setInterval(resumeRunsNow, RECONCILIATION_EVERY_MS).unref();
  purgeRateLimitHitsNow();
  setInterval(purgeRateLimitHitsNow, RATE_LIMIT_PURGE_EVERY_MS).unref();
  purgeStagedRowsNow();
  setInterval(purgeStagedRowsNow, RATE_LIMIT_PURGE_EVERY_MS).unref();
}
