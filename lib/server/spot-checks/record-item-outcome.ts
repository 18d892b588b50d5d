import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZRecordItemOutcomeSchema } from "@/lib/domain/spot-checks/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { openCase } from "@/lib/server/cases/open-case";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadPendingItem, updateItem } from "./load-item";

/**
 * The assignee records what the check found. A merchant approved at a newer version since the
 * draw makes the check meaningless: the item is marked stale (committed) and the outcome refused.
 * A DISCREPANCY opens a correction case for the clerks in the same transaction.
 */
export async function recordItemOutcome({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "spotcheck:perform");
  const data = parseInput(ZRecordItemOutcomeSchema, input);
  const db = await prisma();
  const result = await db.$transaction(async (tx) => {
    const item = await loadPendingItem(tx, data.itemId, data.version);
    if (item.assigneeId !== actor.id) throw new UseCaseError("FORBIDDEN", { _form: ["validation.spotCheck.notAssignee"] });
    const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: item.merchantId }, select: { version: true } });
    if (item.stale || merchant.version !== item.merchantVersion) {
      if (!item.stale) {
        await updateItem(tx, item, { stale: true });
        await recordAuditEvent(tx, { action: "spotcheck.item-stale", entity: "spot-check-item", entityId: item.id, after: { merchantId: item.merchantId, checkedVersion: item.merchantVersion, currentVersion: merchant.version } }, actor, requestMeta);
      }
      return { stale: true as const };
    }
    const now = new Date();
    await updateItem(tx, item, { status: "DONE", outcome: data.outcome, checklist: data.checklist as Prisma.InputJsonValue, note: data.note || null, checkedById: actor.id, checkedAt: now });
    await recordAuditEvent(
      tx,
      { action: "spotcheck.item-recorded", entity: "spot-check-item", entityId: item.id, after: { campaignId: item.campaignId, merchantId: item.merchantId, merchantVersion: item.merchantVersion, outcome: data.outcome, checklist: data.checklist } },
      actor,
      requestMeta,
    );
    const opened =
      data.outcome === "DISCREPANCY"
        ? await openCase(tx, { kind: "SPOT_CHECK_DISCREPANCY", merchantId: item.merchantId, changeRequestId: null, spotCheckItemId: item.id, summary: data.note, details: { campaignId: item.campaignId, merchantVersion: item.merchantVersion, checklist: data.checklist }, now }, actor, requestMeta)
        : null;
    return { stale: false as const, version: item.version + 1, outcome: data.outcome, caseReference: opened?.reference ?? null };
  });
  if (result.stale) throw new UseCaseError("CONFLICT", { _form: ["validation.spotCheck.staleRecord"] });
  return { version: result.version, outcome: result.outcome, caseReference: result.caseReference };
}
