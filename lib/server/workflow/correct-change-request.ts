import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sealedFieldsToRetype } from "@/lib/domain/merchant/sealed-fields";
import { isStatusChange } from "@/lib/domain/workflow/change-request-machine";
import { checkAgainstRecords, prepareProposal, requestColumns } from "@/lib/server/applications/prepare-proposal";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import { assessRisk } from "@/lib/server/risk/assess-risk";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadForDecision, moveRequest } from "./load-for-decision";

const ZCorrectSchema = z.strictObject({ changeRequestId: z.string().min(1).max(64), version: z.number().int().positive(), data: z.unknown() });

/**
 * The maker corrects a returned request and sends it back for a fresh blind verification: the
 * earlier verification counted for values that no longer stand. The form never holds the sealed
 * numbers: left blank they keep the returned proposal's, unless the verifier found them different.
 */
export async function correctChangeRequest({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:submit");
  const { changeRequestId, version, data } = parseInput(ZCorrectSchema, input);
  const db = await prisma();
  // Who may correct, and which proposal blank fields keep, is settled before anything typed is looked at.
  const { request: returned } = await loadForDecision(db, actor, "resubmit", { changeRequestId, version });
  const { app, proposal } = prepareProposal(data, { keep: returned.sealed, mustRetype: sealedFieldsToRetype(returned.mismatchedFields) });
  return db.$transaction(async (tx) => {
    // Same version as above, so the kept values came from the proposal this write replaces.
    const { request, to } = await loadForDecision(tx, actor, "resubmit", { changeRequestId, version });
    // Never RETURNED, so the workflow has already refused; this tells the type system so.
    if (isStatusChange(request.kind)) throw new UseCaseError("CONFLICT");
    const { findings, related, cardType } = await checkAgainstRecords(tx, app, proposal, request.merchantId);
    const risk = await assessRisk(tx, { kind: request.kind, merchantId: request.merchantId, proposal, plainAccountNo: app.account.accountNo, related, cardType }, new Date());
    await moveRequest(tx, request, {
      ...requestColumns(proposal),
      findings: findings as unknown as Prisma.InputJsonValue,
      riskFlags: risk.flags as unknown as Prisma.InputJsonValue,
      highRisk: risk.highRisk,
      status: to,
      verifierId: null,
      approverId: null,
      mismatchedFields: [],
    });
    await recordAuditEvent(tx, { action: "change.resubmitted", entity: "change-request", entityId: request.id, after: { accountLast4: proposal.account.accountLast4, findings: findings.map((f) => f.code) } }, actor, requestMeta);
    return { status: to, version: request.version + 1 };
  });
}
