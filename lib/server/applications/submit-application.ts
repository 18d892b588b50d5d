import "server-only";
import crypto from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZSubmitApplicationSchema } from "@/lib/domain/merchant/draft-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { assessRisk } from "@/lib/server/risk/assess-risk";
import { prepareProposal, refuseDuplicates, requestColumns } from "./prepare-proposal";

function newReference(now: Date) {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `CR-${day}-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
}

/**
 * A new merchant's application becomes a change request awaiting verification. Nothing reaches
 * master data here: the merchant row exists only as ONBOARDING, so that "one open request per
 * merchant" and duplicate checks have something to hold on to.
 */
export async function submitApplication({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:submit");
  const { draftId, draftVersion, data } = parseInput(ZSubmitApplicationSchema, input);
  const db = await prisma();
  const { app, proposal } = await prepareProposal(db, data);
  const now = new Date();
  try {
    return await db.$transaction(async (tx) => {
      const findings = await refuseDuplicates(tx, app, proposal);
      if (draftId) {
        const { count } = await tx.applicationDraft.updateMany({ where: { id: draftId, makerId: actor.id, submittedAt: null, version: draftVersion }, data: { submittedAt: now } });
        if (count !== 1) throw new UseCaseError("CONFLICT");
      }
      const merchant = await tx.merchant.create({ data: { id: crypto.randomUUID() } });
      const risk = await assessRisk(tx, { kind: "ONBOARD", merchantId: merchant.id, proposal, plainAccountNo: app.account.accountNo }, now);
      const request = await tx.changeRequest.create({
        data: {
          id: crypto.randomUUID(),
          reference: newReference(now),
          kind: "ONBOARD",
          merchantId: merchant.id,
          openMerchantId: merchant.id,
          status: "AWAITING_VERIFICATION",
          makerId: actor.id,
          baseVersion: 0,
          ...requestColumns(app, proposal),
          findings: findings as unknown as Prisma.InputJsonValue,
          riskFlags: risk.flags as unknown as Prisma.InputJsonValue,
          highRisk: risk.highRisk,
          submittedAt: now,
        },
      });
      if (draftId) await tx.applicationDraft.update({ where: { id: draftId }, data: { changeRequestId: request.id } });
      await recordAuditEvent(
        tx,
        { action: "change.submitted", entity: "change-request", entityId: request.id, after: { reference: request.reference, kind: "ONBOARD", merchantId: merchant.id, accountLast4: request.accountLast4, findings: findings.map((f) => f.code) } },
        actor,
        requestMeta,
      );
      return { changeRequestId: request.id, reference: request.reference, findings };
    });
  } catch (err) {
    // The partial unique index caught a concurrent submission the checks above could not see.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new UseCaseError("VALIDATION", { "merchant.creditCode": ["validation.duplicate.creditCodePending"] });
    }
    throw err;
  }
}
