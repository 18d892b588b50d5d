import "server-only";
import { ZSetScheduleActiveSchema } from "@/lib/domain/spot-checks/schedule";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/** Pauses or resumes a monthly schedule at the version the auditor saw; campaigns already drawn stay. */
export async function setScheduleActive({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "spotcheck:manage");
  const data = parseInput(ZSetScheduleActiveSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const schedule = await tx.spotCheckSchedule.findUnique({ where: { id: data.scheduleId } });
    if (!schedule) throw new UseCaseError("NOT_FOUND");
    if (schedule.active === data.active) throw new UseCaseError("CONFLICT", { _form: [data.active ? "validation.spotCheck.scheduleAlreadyActive" : "validation.spotCheck.scheduleAlreadyPaused"] });
    const { count } = await tx.spotCheckSchedule.updateMany({ where: { id: schedule.id, version: data.version }, data: { active: data.active, version: { increment: 1 } } });
    if (count === 0) throw new UseCaseError("CONFLICT");
    await recordAuditEvent(
      tx,
      { action: data.active ? "spotcheck.schedule-resumed" : "spotcheck.schedule-paused", entity: "spot-check-schedule", entityId: schedule.id, before: { active: schedule.active }, after: { active: data.active } },
      actor,
      requestMeta,
    );
    return { version: schedule.version + 1, active: data.active };
  });
}
