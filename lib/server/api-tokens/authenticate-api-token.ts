import "server-only";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { parseApiToken, secretMatches } from "./token-secret";

const TOUCH_EVERY_MS = 60_000;

/**
 * The actor behind `Authorization: Bearer <token>`: the clerk it acts as, narrowed to its scopes.
 * Every refusal is the same 401, so a caller learns nothing about which tokens exist.
 */
export async function authenticateApiToken(raw: string): Promise<Actor> {
  const parsed = parseApiToken(raw.trim());
  if (!parsed) throw new UseCaseError("UNAUTHENTICATED");
  const db = await prisma();
  const token = await db.apiToken.findUnique({
    where: { lookupId: parsed.lookupId },
    include: { actingUser: { select: { id: true, username: true, displayName: true, role: true, locale: true, disabledAt: true } } },
  });
  const now = new Date();
  if (!token || !secretMatches(parsed.token, token.secretHash)) throw new UseCaseError("UNAUTHENTICATED");
  if (token.revokedAt || (token.expiresAt && token.expiresAt <= now) || token.actingUser.disabledAt) throw new UseCaseError("UNAUTHENTICATED");
  // Like a session's last-seen time: not a business change, so not audited and kept while read-only.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const user = token.actingUser;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    sessionId: `api-token:${token.id}`,
    mfaPassed: true,
    mfaEnrolled: false,
    mustChangePassword: false,
    apiToken: { id: token.id, lookupId: token.lookupId, scopes: token.scopes },
  };
}
