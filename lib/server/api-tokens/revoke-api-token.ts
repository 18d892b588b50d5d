import "server-only";
import { ZRevokeApiTokenSchema } from "@/lib/domain/api-tokens/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/** Takes effect on the token's next call: every call looks the token up afresh. */
export async function revokeApiToken({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "api-token:manage");
  const { id, version } = parseInput(ZRevokeApiTokenSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { name: true, lookupId: true } });
    if (!token) throw new UseCaseError("NOT_FOUND");
    const { count } = await tx.apiToken.updateMany({ where: { id, version, revokedAt: null }, data: { revokedAt: new Date(), revokedById: actor.id, version: { increment: 1 } } });
    if (count !== 1) throw new UseCaseError("CONFLICT");
    await recordAuditEvent(tx, { action: "api-token.revoked", entity: "api-token", entityId: id, before: { name: token.name, lookupId: token.lookupId } }, actor, requestMeta);
    return { id };
  });
}
