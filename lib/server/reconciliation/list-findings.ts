import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZFindingFilterSchema, type TFindingFilter } from "@/lib/domain/reconciliation/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { PAGE_SIZE } from "@/lib/server/pagination";

export function findingWhere(query: Omit<TFindingFilter, "page">): Prisma.ReconciliationFindingWhereInput {
  return {
    runId: query.runId,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.terminalId ? { terminalId: { startsWith: query.terminalId.toUpperCase() } } : {}),
    ...(query.merchantNo ? { merchantNo: { startsWith: query.merchantNo.toUpperCase() } } : {}),
  };
}

export const FINDING_ORDER: Prisma.ReconciliationFindingOrderByWithRelationInput[] = [{ terminalId: "asc" }, { merchantNo: "asc" }, { kind: "asc" }];

/** Findings of a run grouped by terminal and merchant number, filtered, a page at a time. */
export async function listFindings(actor: Actor | null, input: unknown) {
  authorize(actor, "reconciliation:run");
  const query = parseInput(ZFindingFilterSchema, input);
  const where = findingWhere(query);
  const db = await prisma();
  const [findings, total, byKind] = await Promise.all([
    db.reconciliationFinding.findMany({ where, orderBy: FINDING_ORDER, skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.reconciliationFinding.count({ where }),
    db.reconciliationFinding.groupBy({ by: ["kind"], where: { runId: query.runId }, _count: { _all: true }, _sum: { rowCount: true } }),
  ]);
  const merchants = await db.merchant.findMany({ where: { id: { in: findings.map((f) => f.merchantId).filter((x): x is string => !!x) } }, select: { id: true, legalName: true, merchantNo: true } });
  const cases = await db.case.findMany({ where: { id: { in: findings.map((f) => f.caseId).filter((x): x is string => !!x) } }, select: { id: true, reference: true } });
  const run = await db.reconciliationRun.findUnique({ where: { id: query.runId }, select: { reference: true, fileName: true, status: true } });
  return {
    run,
    findings: findings.map((f) => ({
      caseReference: cases.find((c) => c.id === f.caseId)?.reference ?? null,
      ...f,
      amountFen: Number(f.amountFen),
      firstSeenAt: f.firstSeenAt.toISOString(),
      lastSeenAt: f.lastSeenAt.toISOString(),
      merchant: merchants.find((m) => m.id === f.merchantId) ?? null,
    })),
    byKind: byKind.map((k) => ({ kind: k.kind, findings: k._count._all, rows: k._sum.rowCount ?? 0 })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    query,
  };
}
