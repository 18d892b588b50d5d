import "server-only";
import { conflictsOfInterest } from "@/lib/domain/sampling";
import { ZReassignItemSchema } from "@/lib/domain/spot-checks/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { requireActiveAuditors } from "./eligible-auditors";
import { loadPendingItem, updateItem } from "./load-item";

/** A manager hands a pending item to another active auditor, who must not have made, verified or approved the version. */
export async function reassignItem({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "spotcheck:manage");
  const data = parseInput(ZReassignItemSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const item = await loadPendingItem(tx, data.itemId, data.version);
    await requireActiveAuditors(tx, [data.assigneeId], "assigneeId");
    const roles = conflictsOfInterest(item, data.assigneeId);
    if (roles.length > 0) throw new UseCaseError("SEGREGATION", { assigneeId: ["validation.spotCheck.assigneeConflicted"] }, { roles: roles.join(",") });
    await updateItem(tx, item, { assigneeId: data.assigneeId });
    await recordAuditEvent(tx, { action: "spotcheck.item-reassigned", entity: "spot-check-item", entityId: item.id, before: { assigneeId: item.assigneeId }, after: { assigneeId: data.assigneeId } }, actor, requestMeta);
    return { version: item.version + 1 };
  });
}
