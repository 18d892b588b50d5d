import "server-only";
import { ZRejectedPageSchema } from "@/lib/domain/reconciliation/schemas";
import type { RowProblem } from "@/lib/domain/reconciliation/row";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { PAGE_SIZE } from "@/lib/server/pagination";

/** The run's rows that did not parse, by line number, with every problem. */
export async function listRejectedRows(actor: Actor | null, input: unknown) {
  authorize(actor, "reconciliation:run");
  const query = parseInput(ZRejectedPageSchema, input);
  const db = await prisma();
  const [rows, total] = await Promise.all([
    db.reconciliationRejectedRow.findMany({ where: { runId: query.runId }, orderBy: { lineNumber: "asc" }, skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.reconciliationRejectedRow.count({ where: { runId: query.runId } }),
  ]);
  return {
    rows: rows.map((r) => ({ lineNumber: r.lineNumber, problems: r.problems as RowProblem[] })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}
