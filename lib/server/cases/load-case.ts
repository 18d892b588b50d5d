import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { caseTransition, type TCaseAction } from "@/lib/domain/cases/case-lifecycle";
import { UseCaseError } from "@/lib/server/errors";

/** The case at the version the auditor saw, still open to `action`; otherwise a refusal. */
export async function loadCaseFor(tx: Prisma.TransactionClient, target: { caseId: string; version: number }, action: TCaseAction) {
  const found = await tx.case.findUnique({ where: { id: target.caseId } });
  if (!found) throw new UseCaseError("NOT_FOUND");
  const to = caseTransition(found.status, action);
  if (!to) throw new UseCaseError("CONFLICT", { _form: ["validation.case.closed"] });
  if (found.version !== target.version) throw new UseCaseError("CONFLICT");
  return { found, to };
}

/** Conditional update on version: of two auditors acting at once, exactly one wins. */
export async function updateCase(tx: Prisma.TransactionClient, target: { id: string; version: number }, data: Prisma.CaseUpdateManyMutationInput) {
  const { count } = await tx.case.updateMany({ where: { id: target.id, version: target.version }, data: { ...data, version: target.version + 1 } });
  if (count !== 1) throw new UseCaseError("CONFLICT");
  return target.version + 1;
}

/** Cases are worked by active auditors only. */
export async function requireCaseWorker(tx: Pick<Prisma.TransactionClient, "user">, userId: string, field = "assigneeId") {
  const user = await tx.user.findFirst({ where: { id: userId, role: "AUDITOR", disabledAt: null }, select: { id: true } });
  if (!user) throw new UseCaseError("VALIDATION", { [field]: ["validation.case.assigneeNotEligible"] });
}
