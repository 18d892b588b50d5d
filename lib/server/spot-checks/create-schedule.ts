import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZCreateScheduleSchema } from "@/lib/domain/spot-checks/schedule";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { requireActiveAuditors } from "./eligible-auditors";

function newScheduleReference(now: Date) {
  return `SCS-${now.toISOString().slice(0, 7).replace("-", "")}-${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
}

/** An auditor schedules a campaign to be drawn every month; the job draws it (runDueSchedules). */
export async function createSchedule({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "spotcheck:manage");
  const data = parseInput(ZCreateScheduleSchema, input);
  const db = await prisma();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const auditorIds = await requireActiveAuditors(tx, data.auditorIds, "auditorIds");
    const schedule = await tx.spotCheckSchedule.create({
      data: {
        id: crypto.randomUUID(), reference: newScheduleReference(now), name: data.name, dayOfMonth: data.dayOfMonth,
        population: data.population as Prisma.InputJsonValue, sizing: data.sizing as Prisma.InputJsonValue, strategy: data.strategy,
        auditorIds, createdById: actor.id, createdAt: now,
      },
    });
    await recordAuditEvent(
      tx,
      { action: "spotcheck.schedule-created", entity: "spot-check-schedule", entityId: schedule.id, after: { reference: schedule.reference, name: data.name, dayOfMonth: data.dayOfMonth, population: data.population, sizing: data.sizing, strategy: data.strategy, auditorIds } },
      actor,
      requestMeta,
    );
    return { scheduleId: schedule.id, reference: schedule.reference, version: schedule.version };
  });
}
