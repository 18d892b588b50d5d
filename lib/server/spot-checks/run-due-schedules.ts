import "server-only";
import type { TSpotCheckPopulation, TSpotCheckSizing } from "@/lib/domain/spot-checks/schemas";
import { duePeriod, periodBounds } from "@/lib/domain/spot-checks/schedule";
import { prisma } from "@/lib/server/db";
import { readOnlyState } from "@/lib/server/maintenance/read-only-now";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { UseCaseError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { SYSTEM_META } from "@/lib/server/request-meta";
import { drawCampaign } from "./draw-campaign";

/**
 * System job: every active schedule whose day of the month has come gets its month's campaign.
 * Every app instance runs it; the unique (schedule, month) index lets exactly one draw commit and
 * the others' transactions roll back whole (campaign, items and audit event), so no instance
 * needs to know about the others and a crash mid-draw leaves nothing behind to clean up.
 */
export async function runDueSchedules(now: Date = new Date()) {
  const db = await prisma();
  const result = { created: 0, alreadyDrawn: 0, skipped: 0, failed: 0, paused: false };
  // Paused while read-only; a due month stays due, so the next run after maintenance draws it.
  if ((await readOnlyState(db)).readOnly) return { ...result, paused: true };
  const schedules = await db.spotCheckSchedule.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  for (const schedule of schedules) {
    const period = duePeriod(schedule.dayOfMonth, now);
    if (!period) continue;
    if (await db.spotCheckCampaign.findFirst({ where: { scheduleId: schedule.id, schedulePeriod: period }, select: { id: true } })) {
      result.alreadyDrawn++;
      continue;
    }
    // Auditors disabled or moved to another role since the schedule was made drop out of the assignment.
    const auditors = await db.user.findMany({ where: { id: { in: schedule.auditorIds }, role: "AUDITOR", disabledAt: null }, select: { id: true }, orderBy: { id: "asc" } });
    if (auditors.length === 0) {
      result.skipped++;
      logger.warn({ scheduleId: schedule.id, period }, "scheduled spot-check campaign not drawn: none of its auditors is active");
      continue;
    }
    try {
      await drawCampaign(
        db,
        {
          name: `${schedule.name} ${period}`, ...periodBounds(period), population: schedule.population as TSpotCheckPopulation, sizing: schedule.sizing as TSpotCheckSizing,
          strategy: schedule.strategy, auditorIds: auditors.map((a) => a.id),
        },
        { createdById: schedule.createdById, auditActor: null, requestMeta: SYSTEM_META },
        now,
        { scheduleId: schedule.id, period },
      );
      result.created++;
    } catch (err) {
      if (isUniqueViolation(err)) result.alreadyDrawn++;
      else if (err instanceof UseCaseError && err.code === "VALIDATION") {
        result.skipped++;
        logger.warn({ scheduleId: schedule.id, period, fields: err.fieldErrors }, "scheduled spot-check campaign not drawn: its population is empty or too small");
      } else {
        result.failed++;
        logger.error({ err, scheduleId: schedule.id, period }, "scheduled spot-check campaign failed");
      }
    }
  }
  return result;
}
