import "server-only";
import { ZSetReadOnlySchema } from "@/lib/domain/maintenance/maintenance-schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/**
 * An admin turns manual read-only on or off. The switch row is taken FOR UPDATE first: mutations
 * in flight (holding it FOR SHARE) finish before the switch flips, later ones see the new value.
 */
export async function setReadOnly({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "settings:manage");
  const data = parseInput(ZSetReadOnlySchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ readOnly: boolean; version: number }[]>`SELECT "readOnly", "version" FROM "MaintenanceSwitch" WHERE id = 1 FOR UPDATE`;
    if (!current) throw new Error("Maintenance switch row is missing: the database was not migrated.");
    if (current.version !== data.version) throw new UseCaseError("CONFLICT");
    if (current.readOnly === data.readOnly) return { readOnly: current.readOnly, version: current.version };
    const { count } = await tx.maintenanceSwitch.updateMany({
      where: { id: 1, version: data.version },
      data: { readOnly: data.readOnly, changedAt: new Date(), changedById: actor!.id, version: { increment: 1 } },
    });
    if (count !== 1) throw new UseCaseError("CONFLICT");
    await recordAuditEvent(
      tx,
      { action: "maintenance.read-only-changed", entity: "maintenance-switch", entityId: "1", before: { readOnly: current.readOnly }, after: { readOnly: data.readOnly } },
      actor,
      requestMeta,
    );
    return { readOnly: data.readOnly, version: data.version + 1 };
  });
}
