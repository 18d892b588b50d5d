import "server-only";
import crypto from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZMerchantApplicationSchema } from "@/lib/domain/merchant/application-schema";
import { ZSubmitApplicationSchema } from "@/lib/domain/merchant/draft-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { checkReferenceData } from "./check-reference-data";
import { findDuplicates } from "./find-duplicates";
import { sealApplication } from "./seal-application";

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
  const app = parseInput(ZMerchantApplicationSchema, data);
  const db = await prisma();
  const referenceErrors = await checkReferenceData(db, app);
  if (Object.keys(referenceErrors).length) throw new UseCaseError("VALIDATION", referenceErrors);
  const proposal = sealApplication(app);
  const now = new Date();
  try {
    return await db.$transaction(async (tx) => {
      const duplicates = await findDuplicates(tx, {
        creditCode: app.merchant.creditCode,
        accountNoHash: proposal.account.accountNoHash,
        terminalIds: app.terminals.map((t) => t.terminalId),
        serialNos: app.terminals.map((t) => t.serialNo),
      });
      if (Object.keys(duplicates.errors).length) throw new UseCaseError("VALIDATION", duplicates.errors);
      if (draftId) {
        const { count } = await tx.applicationDraft.updateMany({ where: { id: draftId, makerId: actor.id, submittedAt: null, version: draftVersion }, data: { submittedAt: now } });
        if (count !== 1) throw new UseCaseError("CONFLICT");
      }
      const merchant = await tx.merchant.create({ data: { id: crypto.randomUUID() } });
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
          proposal: proposal as unknown as Prisma.InputJsonValue,
          creditCode: app.merchant.creditCode,
          legalName: app.merchant.legalName,
          accountNoHash: proposal.account.accountNoHash,
          accountLast4: proposal.account.accountLast4,
          phone: app.merchant.phone,
          mcc: app.merchant.mcc,
          divisionCode: app.merchant.divisionCode,
          merchantType: app.merchant.type,
          terminalIds: app.terminals.map((t) => t.terminalId),
          serialNos: app.terminals.map((t) => t.serialNo),
          findings: duplicates.findings as unknown as Prisma.InputJsonValue,
          submittedAt: now,
        },
      });
      if (draftId) await tx.applicationDraft.update({ where: { id: draftId }, data: { changeRequestId: request.id } });
      await recordAuditEvent(
        tx,
        { action: "change.submitted", entity: "change-request", entityId: request.id, after: { reference: request.reference, kind: "ONBOARD", merchantId: merchant.id, accountLast4: request.accountLast4, findings: duplicates.findings.map((f) => f.code) } },
        actor,
        requestMeta,
      );
      return { changeRequestId: request.id, reference: request.reference, findings: duplicates.findings };
    });
  } catch (err) {
    // The partial unique index caught a concurrent submission the checks above could not see.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new UseCaseError("VALIDATION", { "merchant.creditCode": ["validation.duplicate.creditCodePending"] });
    }
    throw err;
  }
}
