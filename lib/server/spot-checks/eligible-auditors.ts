import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UseCaseError } from "@/lib/server/errors";

/** Every id must be an active auditor: a clerk, a supervisor or a disabled account never checks records. */
export async function requireActiveAuditors(db: Pick<Prisma.TransactionClient, "user">, ids: readonly string[], field: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await db.user.findMany({ where: { id: { in: unique }, role: "AUDITOR", disabledAt: null }, select: { id: true } });
  if (found.length !== unique.length) throw new UseCaseError("VALIDATION", { [field]: ["validation.spotCheck.auditorNotEligible"] });
  return unique;
}
