import "server-only";
import crypto from "node:crypto";
import { expiryFor, ZCreateApiTokenSchema } from "@/lib/domain/api-tokens/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { newApiToken } from "./token-secret";

/**
 * A token acts as one active clerk (decision 022). The token itself is returned once and never
 * stored: only its SHA-256 is, so neither the database nor an admin can show it again.
 */
export async function createApiToken({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "api-token:manage");
  const data = parseInput(ZCreateApiTokenSchema, input);
  const db = await prisma();
  const now = new Date();
  const { token, lookupId, secretHash } = newApiToken();
  return db.$transaction(async (tx) => {
    const clerk = await tx.user.findFirst({ where: { id: data.actingUserId, role: "CLERK", disabledAt: null }, select: { id: true, username: true } });
    if (!clerk) throw new UseCaseError("VALIDATION", { actingUserId: ["validation.apiToken.actingUser"] });
    const created = await tx.apiToken.create({
      data: { id: crypto.randomUUID(), lookupId, secretHash, name: data.name, scopes: [...new Set(data.scopes)], actingUserId: clerk.id, createdById: actor.id, expiresAt: expiryFor(data.lifetime, now) },
    });
    await recordAuditEvent(
      tx,
      { action: "api-token.created", entity: "api-token", entityId: created.id, after: { name: created.name, lookupId, scopes: created.scopes, actingUsername: clerk.username, expiresAt: created.expiresAt?.toISOString() ?? null } },
      actor,
      requestMeta,
    );
    return { id: created.id, token };
  });
}
