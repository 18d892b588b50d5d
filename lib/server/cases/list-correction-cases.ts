import "server-only";
import { CORRECTION_CASE_KINDS } from "@/lib/domain/cases/case-lifecycle";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

const LIMIT = 50;

/**
 * The clerks' view of correction cases: what was found wrong with which merchant, oldest first,
 * and the change request already made for it. Only what a correction needs — no investigation notes.
 */
export async function listCorrectionCases(actor: Actor | null) {
  authorize(actor, "change:submit");
  const db = await prisma();
  const where = { kind: { in: [...CORRECTION_CASE_KINDS] }, status: { not: "CLOSED" as const }, merchantId: { not: null } };
  const rows = await db.case.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, reference: true, kind: true, status: true, priority: true, summary: true, createdAt: true, merchantId: true, merchant: { select: { legalName: true, merchantNo: true } } },
  });
  const requests = await db.changeRequest.findMany({
    where: { caseId: { in: rows.map((r) => r.id) }, openMerchantId: { not: null } },
    select: { id: true, reference: true, caseId: true, status: true },
  });
  return {
    cases: rows.map((r) => ({ ...r, merchantId: r.merchantId!, openRequest: requests.find((q) => q.caseId === r.id) ?? null })),
    total: await db.case.count({ where }),
  };
}

/** The open correction case a clerk's change form was opened for, if it really is one of this merchant. */
export async function getCorrectionCase(actor: Actor | null, caseId: string, merchantId: string) {
  authorize(actor, "change:submit");
  const db = await prisma();
  const found = await db.case.findFirst({
    where: { id: caseId, merchantId, kind: { in: [...CORRECTION_CASE_KINDS] }, status: { not: "CLOSED" } },
    select: { id: true, reference: true, summary: true, status: true },
  });
  return found;
}
