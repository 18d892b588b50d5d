import "server-only";
import crypto from "node:crypto";
import { MAX_WINDOW_HOURS, ZScheduleMaintenanceWindowSchema } from "@/lib/domain/maintenance/maintenance-schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/** An admin announces a maintenance window: in the future, start before end, at most MAX_WINDOW_HOURS long. */
export async function scheduleMaintenanceWindow({ actor, input, requestMeta, now = new Date() }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta; now?: Date }) {
  authorize(actor, "settings:manage");
  const data = parseInput(ZScheduleMaintenanceWindowSchema, input);
  const startsAt = new Date(data.startsAt);
  const endsAt = new Date(data.endsAt);
  if (startsAt.getTime() <= now.getTime()) throw new UseCaseError("VALIDATION", { startsAt: ["validation.maintenance.startsInPast"] });
  if (endsAt.getTime() - startsAt.getTime() > MAX_WINDOW_HOURS * 3_600_000) throw new UseCaseError("VALIDATION", { endsAt: ["validation.maintenance.tooLong"] }, { hours: MAX_WINDOW_HOURS });
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const overlapping = await tx.maintenanceWindow.findFirst({ where: { cancelledAt: null, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } }, select: { id: true } });
    if (overlapping) throw new UseCaseError("VALIDATION", { startsAt: ["validation.maintenance.overlaps"] });
    const window = await tx.maintenanceWindow.create({
      data: { id: crypto.randomUUID(), startsAt, endsAt, messageZh: data.messageZh, messageEn: data.messageEn, createdById: actor!.id },
    });
    await recordAuditEvent(
      tx,
      { action: "maintenance.window-scheduled", entity: "maintenance-window", entityId: window.id, after: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), messageZh: data.messageZh, messageEn: data.messageEn } },
      actor,
      requestMeta,
    );
    return { id: window.id, version: window.version };
  });
}
