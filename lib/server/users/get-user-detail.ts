import "server-only";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prisma } from "@/lib/server/db";

export async function getUserDetail(actor: Actor | null, userId: string) {
  authorize(actor, "user:manage");
  const db = await prisma();
  const user = await db.user.findUnique({
    where: { id: userId.slice(0, 64) },
    select: { id: true, username: true, displayName: true, role: true, version: true, disabledAt: true, lockedUntil: true, mustChangePassword: true, totpEnabledAt: true, createdAt: true, updatedAt: true },
  });
  if (!user) return null;
  const sessions = await db.session.count({ where: { userId: user.id } });
  return { ...user, sessions, locked: !!user.lockedUntil && user.lockedUntil > new Date() };
}
