import "server-only";
import { duePeriod } from "@/lib/domain/spot-checks/schedule";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lastCheckpoint } from "@/lib/server/audit/checkpoint";
import { verifyAuditHead } from "@/lib/server/audit/verify-head";
import { database } from "@/lib/server/db";
import { pendingMigrations } from "@/lib/server/db/migrations";
import { readOnlyNow } from "@/lib/server/maintenance/read-only-now";

/** A checkpoint older than this (4 × the 15-minute interval) means the checkpoint job is not running. */
const CHECKPOINT_STALE_SECONDS = 60 * 60;

/** Work the system jobs owe: account changes whose hold ran out, monthly campaigns due but not drawn. */
async function jobBacklog(prisma: PrismaClient, now: Date) {
  const [elapsedHolds, schedules] = await Promise.all([
    prisma.changeRequest.count({ where: { status: "PENDING_CONFIRMATION", holdUntil: { lte: now } } }),
    prisma.spotCheckSchedule.findMany({ where: { active: true }, select: { id: true, dayOfMonth: true } }),
  ]);
  const due = schedules.map((s) => ({ id: s.id, period: duePeriod(s.dayOfMonth, now) })).filter((s): s is { id: string; period: string } => !!s.period);
  const drawn = due.length
    ? await prisma.spotCheckCampaign.count({ where: { OR: due.map((s) => ({ scheduleId: s.id, schedulePeriod: s.period })) } })
    : 0;
  return { elapsedHolds, dueSchedules: due.length - drawn };
}

/**
 * Public (load balancers probe it): counts, ages and states only, never business data. Maintenance
 * is reported but does not make the instance unhealthy — reads still work, and a load balancer
 * must not take every instance out of rotation during a planned window.
 */
export async function healthReport(now = new Date()) {
  const db = await database();
  const started = performance.now();
  await db.sql.query("SELECT 1");
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const [pending, audit, state, backlog] = await Promise.all([pendingMigrations(db.sql), verifyAuditHead(db.prisma), readOnlyNow(db.prisma, now), jobBacklog(db.prisma, now)]);
  const checkpoint = lastCheckpoint();
  const checkpointAgeSeconds = checkpoint ? Math.max(0, Math.round((now.getTime() - new Date(checkpoint.at).getTime()) / 1000)) : null;
  const ok = pending.length === 0 && audit.ok;
  return {
    ok,
    body: {
      status: ok ? ("ok" as const) : ("degraded" as const),
      checkedAt: now.toISOString(),
      database: { ok: true, engine: db.engine, latencyMs },
      migrations: { current: pending.length === 0, pending: pending.map((m) => m.name), pendingCount: pending.length },
      auditChain: { ...audit, lastCheckpoint: checkpoint ? { seq: checkpoint.seq, at: checkpoint.at, ageSeconds: checkpointAgeSeconds, stale: checkpointAgeSeconds! > CHECKPOINT_STALE_SECONDS } : null },
      maintenance: {
        readOnly: state.readOnly,
        reason: state.reason,
        until: state.until?.toISOString() ?? null,
        nextWindow: state.announced ? { startsAt: state.announced.startsAt.toISOString(), endsAt: state.announced.endsAt.toISOString() } : null,
      },
      jobs: { ...backlog, paused: state.readOnly },
    },
  };
}

export async function checkHealth(now = new Date()) {
  try {
    return await healthReport(now);
  } catch (err) {
    return { ok: false, body: { status: "down", checkedAt: now.toISOString(), database: { ok: false, error: (err as Error).message.split("\n")[0] } } };
  }
}
