import "server-only";
import { ZUpdateMccSchema } from "@/lib/domain/reference/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

const stateOf = (m: { nameZh: string; nameEn: string; riskLevel: number; active: boolean }) => ({ nameZh: m.nameZh, nameEn: m.nameEn, riskLevel: m.riskLevel, active: m.active });

/**
 * An admin edits one MCC's names, risk level or whether it may be chosen for new merchants. The
 * code itself never changes: merchant numbers embed it. Retiring a code does not touch merchants
 * that already carry it.
 */
export async function updateMcc({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "reference:manage");
  const data = parseInput(ZUpdateMccSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const before = await tx.mcc.findUnique({ where: { code: data.code } });
    if (!before) throw new UseCaseError("NOT_FOUND");
    const { count } = await tx.mcc.updateMany({
      where: { code: data.code, version: data.version },
      data: { nameZh: data.nameZh, nameEn: data.nameEn, riskLevel: data.riskLevel, active: data.active, version: { increment: 1 } },
    });
    if (count !== 1) throw new UseCaseError("CONFLICT");
    const after = await tx.mcc.findUniqueOrThrow({ where: { code: data.code } });
    await recordAuditEvent(tx, { action: "reference.mcc-updated", entity: "mcc", entityId: data.code, before: stateOf(before), after: stateOf(after) }, actor, requestMeta);
    return { code: after.code, version: after.version };
  });
}
