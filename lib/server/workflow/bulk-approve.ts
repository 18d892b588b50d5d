import "server-only";
import { isStatusChange } from "@/lib/domain/workflow/change-request-machine";
import { ZBulkApproveSchema } from "@/lib/domain/workflow/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { approveInTransaction } from "./approve-change-request";

/**
 * Bulk approval from the queue, for requests without any flag or duplicate finding only, and not for
 * suspensions or reactivations. Each item
 * is its own transaction: one conflict does not undo the others, and each outcome is reported.
 */
export async function bulkApprove({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:approve");
  const { items } = parseInput(ZBulkApproveSchema, input);
  const db = await prisma();
  const outcomes: { changeRequestId: string; ok: boolean; code?: string }[] = [];
  for (const item of items) {
    try {
      await db.$transaction(async (tx) => {
        const request = await tx.changeRequest.findUnique({ where: { id: item.changeRequestId }, select: { kind: true, riskFlags: true, findings: true, highRisk: true } });
        const flagged = !request || request.highRisk || ((request.riskFlags as unknown[] | null) ?? []).length > 0 || ((request.findings as unknown[] | null) ?? []).length > 0;
        if (flagged) throw new UseCaseError(request ? "FORBIDDEN" : "NOT_FOUND", { _form: ["validation.decision.bulkFlagged"] });
        // A suspension or reactivation rests on the maker's reason, which someone has to read.
        if (isStatusChange(request.kind)) throw new UseCaseError("FORBIDDEN", { _form: ["validation.decision.bulkStatusChange"] });
        await approveInTransaction(tx, actor, { ...item, acknowledgedFlags: [] }, requestMeta);
      });
      outcomes.push({ changeRequestId: item.changeRequestId, ok: true });
    } catch (err) {
      if (!(err instanceof UseCaseError)) throw err;
      outcomes.push({ changeRequestId: item.changeRequestId, ok: false, code: err.code });
    }
  }
  return { approved: outcomes.filter((o) => o.ok).length, outcomes };
}
