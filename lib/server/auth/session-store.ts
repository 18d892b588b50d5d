import "server-only";
import crypto from "node:crypto";
import type { Prisma, PrismaClient, Session, User } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";
import type { RequestMeta } from "@/lib/server/request-meta";

const TOUCH_AFTER_MS = 60_000;

export function sessionIdOf(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  tx: Prisma.TransactionClient,
  input: { userId: string; mfaPassed: boolean; meta: RequestMeta },
) {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = new Date();
  await tx.session.create({
    data: {
      id: sessionIdOf(token),
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      mfaPassedAt: input.mfaPassed ? now : null,
      ip: input.meta.ip,
      userAgent: input.meta.userAgent,
    },
  });
  return token;
}

export type ValidSession = { session: Session; user: User };

export function sessionExpiry(session: Pick<Session, "createdAt" | "lastSeenAt">, now = new Date()) {
  const { SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS } = env();
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000) return "idle" as const;
  if (now.getTime() - session.createdAt.getTime() > SESSION_ABSOLUTE_HOURS * 3_600_000) return "absolute" as const;
  return null;
}

/**
 * Every request re-reads the session and its user from the database: disabling a user, ending
 * sessions or signing out takes effect on the very next request, on every app instance.
 */
export async function findValidSession(prisma: PrismaClient, token: string | undefined, now = new Date()): Promise<ValidSession | null> {
  if (!token || token.length > 128) return null;
  const id = sessionIdOf(token);
  const found = await prisma.session.findUnique({ where: { id }, include: { user: true } });
  if (!found) return null;
  const { user, ...session } = found;
  if (user.disabledAt || sessionExpiry(session, now)) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  return { session, user };
}

export async function deleteSessionByToken(prisma: PrismaClient | Prisma.TransactionClient, token: string) {
  await prisma.session.deleteMany({ where: { id: sessionIdOf(token) } });
}
