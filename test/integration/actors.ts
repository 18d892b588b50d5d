import crypto from "node:crypto";
import type { TRole } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/server/auth/current-actor";
import { hashPassword } from "@/lib/server/auth/password";
import { prisma } from "@/lib/server/db";
import type { RequestMeta } from "@/lib/server/request-meta";

export const TEST_PASSWORD = "Test-password-123";
export const meta = (ip = "10.0.0.1"): RequestMeta => ({ ip, userAgent: "vitest" });

let cachedHash: Promise<string> | undefined;

/** A user with a unique name, as documenso's seedUser: tests never collide. */
export async function seedUser(role: TRole, overrides: { mustChangePassword?: boolean; disabled?: boolean } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const db = await prisma();
  const id = crypto.randomUUID();
  return db.user.create({
    data: {
      id,
      username: `${role.toLowerCase()}-${id.slice(0, 8)}`,
      displayName: `Test ${role}`,
      role,
      passwordHash: await cachedHash,
      mustChangePassword: overrides.mustChangePassword ?? false,
      disabledAt: overrides.disabled ? new Date() : null,
    },
  });
}

export async function seedActor(role: TRole): Promise<Actor> {
  const user = await seedUser(role);
  const db = await prisma();
  const sessionId = crypto.randomBytes(16).toString("hex");
  await db.session.create({ data: { id: sessionId, userId: user.id, mfaPassedAt: new Date() } });
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    locale: "zh-CN",
    sessionId,
    mfaPassed: true,
    mfaEnrolled: false,
    mustChangePassword: false,
  };
}
