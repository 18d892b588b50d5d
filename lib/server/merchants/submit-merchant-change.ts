import "server-only";
import { z } from "zod";
import { prepareProposal } from "@/lib/server/applications/prepare-proposal";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { followChange } from "@/lib/server/cases/follow-change";
import { requireCorrectionCase } from "@/lib/server/cases/correction-case";
import { assertFreeForChange, changeableMerchant, openingRequest } from "./merchant-change-guards";
import { assertSomethingChanged, openMerchantChangeRequest } from "./open-merchant-change-request";

export const ZSubmitMerchantChangeSchema = z.strictObject({
  merchantId: z.string().min(1).max(64),
  /** The version the clerk edited: a change made meanwhile is a conflict, not silently overwritten. */
  merchantVersion: z.number().int().positive(),
  data: z.unknown(),
  /** The correction case the change is made for, if any: it moves with the request. */
  caseId: z.string().min(1).max(64).optional(),
});

/**
 * A change to an approved merchant (details, receiving account, terminals) becomes a change request
 * against the version the clerk saw, through the same blind verification and approval as an
 * onboarding. Blank sealed numbers keep the ones on file; nothing reaches master data here.
 */
export async function submitMerchantChange({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:submit");
  const { merchantId, merchantVersion, data, caseId } = parseInput(ZSubmitMerchantChangeSchema, input);
  const db = await prisma();
  const current = await changeableMerchant(db, merchantId, merchantVersion);
  const { app, proposal } = prepareProposal(data, { keep: current.sealed });
  assertSomethingChanged(proposal, current);
  const now = new Date();
  return openingRequest(() =>
    db.$transaction(async (tx) => {
      await assertFreeForChange(tx, merchantId, merchantVersion);
      const correction = caseId ? await requireCorrectionCase(tx, caseId, merchantId) : null;
      const opened = await openMerchantChangeRequest(tx, { makerId: actor.id, current, merchantVersion, app, proposal, caseId: correction?.id ?? null, now });
      await recordAuditEvent(tx, opened.auditEvent, actor, requestMeta);
      await followChange(tx, opened.request, "SUBMITTED", actor, requestMeta);
      return { changeRequestId: opened.request.id, reference: opened.request.reference, findings: opened.findings, changesAccount: opened.changesAccount };
    }),
  );
}
