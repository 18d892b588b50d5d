import "server-only";
import { ZSubmitApplicationSchema } from "@/lib/domain/merchant/draft-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { openOnboardingRequest } from "./open-onboarding-request";
import { prepareProposal } from "./prepare-proposal";

/**
 * A new merchant's application becomes a change request awaiting verification. Nothing reaches
 * master data here: the merchant row exists only as ONBOARDING, so that "one open request per
 * merchant" and duplicate checks have something to hold on to.
 */
export async function submitApplication({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:submit");
  const { draftId, draftVersion, data } = parseInput(ZSubmitApplicationSchema, input);
  const db = await prisma();
  const { app, proposal } = prepareProposal(data);
  const now = new Date();
  try {
    return await db.$transaction(async (tx) => {
      const opened = await openOnboardingRequest(tx, { makerId: actor.id, app, proposal, now });
      if (draftId) {
        const { count } = await tx.applicationDraft.updateMany({ where: { id: draftId, makerId: actor.id, submittedAt: null, version: draftVersion }, data: { submittedAt: now, changeRequestId: opened.changeRequestId } });
        if (count !== 1) throw new UseCaseError("CONFLICT");
      }
      await recordAuditEvent(tx, opened.auditEvent, actor, requestMeta);
      return { changeRequestId: opened.changeRequestId, reference: opened.reference, findings: opened.findings };
    });
  } catch (err) {
    // The partial unique index caught a concurrent submission the checks above could not see.
    if (isUniqueViolation(err)) {
      throw new UseCaseError("VALIDATION", { "merchant.creditCode": ["validation.duplicate.creditCodePending"] });
    }
    throw err;
  }
}
