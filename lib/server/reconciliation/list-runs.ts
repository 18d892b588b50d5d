import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZRunFilterSchema } from "@/lib/domain/reconciliation/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { PAGE_SIZE } from "@/lib/server/pagination";

/** Runs newest first, filtered by status and file name, a page at a time. */
export async function listReconciliationRuns(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "reconciliation:run");
  const parsed = ZRunFilterSchema.safeParse(rawQuery ?? {});
  const query = parsed.success ? parsed.data : ZRunFilterSchema.parse({});
  const where: Prisma.ReconciliationRunWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.fileName ? { fileName: { contains: query.fileName, mode: "insensitive" } } : {}),
  };
  const db = await prisma();
  const [runs, total] = await Promise.all([
    db.reconciliationRun.findMany({ where, orderBy: [{ startedAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.reconciliationRun.count({ where }),
  ]);
  const users = await db.user.findMany({ where: { id: { in: [...new Set(runs.map((r) => r.createdById))] } }, select: { id: true, displayName: true } });
  return {
    runs: runs.map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes), bytesRead: Number(r.bytesRead), createdBy: users.find((u) => u.id === r.createdById)?.displayName ?? "" })),
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    query,
  };
}
