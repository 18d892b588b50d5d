import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { initialStatus } from "@/lib/domain/workflow/change-request-machine";
import { checkAgainstRecords, prepareProposal, requestColumns } from "@/lib/server/applications/prepare-proposal";
import { newChangeReference } from "@/lib/server/applications/change-reference";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { followChange } from "@/lib/server/cases/follow-change";
import { requireCorrectionCase } from "@/lib/server/cases/correction-case";
import { assessRisk } from "@/lib/server/risk/assess-risk";
import { assertFreeForChange, changeableMerchant, openingRequest } from "./merchant-change-guards";

export const ZSubmitMerchantChangeSchema = z.strictObject({
  merchantId: z.string().min(1).max(64),
  /** The version the clerk edited: a change made meanwhile is a conflict, not silently overwritten. */
  merchantVersion: z.number().int().positive(),
  data: z.unknown(),
  /** The correction case the change is made for, if any: it moves with the request. */
  caseId: z.string().min(1).max(64).optional(),
});

/** What an approval would change, ignoring the ciphertexts (fresh each sealing) and derived warnings. */
export function comparable({ merchant, account, terminals }: TSealedProposal) {
  const { legalRepIdEnc: _m, ...m } = merchant;
  const { accountNoEnc: _a, accountNoWarnings: _w, thirdParty: _t, ...a } = account;
  return JSON.stringify({ m, a, terminals });
}

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
  if (comparable(proposal) === comparable(current.sealed)) throw new UseCaseError("VALIDATION", { _form: ["validation.change.nothingChanged"] });
  const now = new Date();
  return openingRequest(() =>
    db.$transaction(async (tx) => {
      await assertFreeForChange(tx, merchantId, merchantVersion);
      const correction = caseId ? await requireCorrectionCase(tx, caseId, merchantId) : null;
      const { findings, related, cardType } = await checkAgainstRecords(tx, app, proposal, merchantId);
      const { merchant: m, sealed } = current;
      const previous = { phone: m.phone, legalRepIdHash: m.legalRepIdHash, accountNoHash: sealed.account.accountNoHash };
      const risk = await assessRisk(tx, { kind: "UPDATE", merchantId, proposal, plainAccountNo: app.account.accountNo, related, cardType, previous }, now);
      const request = await tx.changeRequest.create({
        data: {
          id: crypto.randomUUID(), reference: newChangeReference(now), kind: "UPDATE", merchantId, openMerchantId: merchantId,
          status: initialStatus("UPDATE"), makerId: actor.id, baseVersion: merchantVersion, ...requestColumns(proposal),
          findings: findings as unknown as Prisma.InputJsonValue, riskFlags: risk.flags as unknown as Prisma.InputJsonValue, highRisk: risk.highRisk, submittedAt: now,
          caseId: correction?.id ?? null,
        },
        select: { id: true, reference: true, caseId: true },
      });
      await recordAuditEvent(
        tx,
        { action: "change.submitted", entity: "change-request", entityId: request.id, after: { reference: request.reference, kind: "UPDATE", merchantId, accountLast4: proposal.account.accountLast4, findings: findings.map((f) => f.code), ...(correction ? { caseId: correction.id } : {}) } },
        actor,
        requestMeta,
      );
      await followChange(tx, request, "SUBMITTED", actor, requestMeta);
      return { changeRequestId: request.id, reference: request.reference, findings, changesAccount: proposal.account.accountNoHash !== sealed.account.accountNoHash };
    }),
  );
}
