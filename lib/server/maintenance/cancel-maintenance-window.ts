import "server-only";
import { ZCancelMaintenanceWindowSchema } from "@/lib/domain/maintenance/maintenance-schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/** An admin calls off a window (also one in progress: it ends read-only at once). */
export async function cancelMaintenanceWindow({ actor, input, requestMeta, now = new Date() }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta; now?: Date }) {
  authorize(actor, "settings:manage");
  const data = parseInput(ZCancelMaintenanceWindowSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const window = await tx.maintenanceWindow.findUnique({ where: { id: data.id } });
    if (!window) throw new UseCaseError("NOT_FOUND");
    const { count } = await tx.maintenanceWindow.updateMany({
      where: { id: data.id, version: data.version, cancelledAt: null, endsAt: { gt: now } },
      data: { cancelledAt: now, cancelledById: actor!.id, version: { increment: 1 } },
    });
    if (count !== 1) throw new UseCaseError("CONFLICT");
    await recordAuditEvent(
      tx,
      { action: "maintenance.window-cancelled", entity: "maintenance-window", entityId: window.id, before: { startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() } },
      actor,
      requestMeta,
    );
    return { id: window.id, version: window.version + 1 };
  });
}
