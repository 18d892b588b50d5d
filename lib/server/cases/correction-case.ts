import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isCaseOpen, isCorrectionCase } from "@/lib/domain/cases/case-lifecycle";
import { UseCaseError } from "@/lib/server/errors";

/** The open correction case of this merchant a clerk's change is made for; anything else is refused at the field. */
export async function requireCorrectionCase(tx: Prisma.TransactionClient, caseId: string, merchantId: string) {
  const found = await tx.case.findUnique({ where: { id: caseId }, select: { id: true, reference: true, kind: true, status: true, merchantId: true } });
  if (!found || found.merchantId !== merchantId || !isCorrectionCase(found.kind)) throw new UseCaseError("VALIDATION", { _form: ["validation.case.notForThisMerchant"] });
  if (!isCaseOpen(found.status)) throw new UseCaseError("CONFLICT", { _form: ["validation.case.closed"] });
  return found;
}
