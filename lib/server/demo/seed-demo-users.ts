import "server-only";
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/auth/password";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { SYSTEM_META } from "@/lib/server/request-meta";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

/** Seeds the demo users only into an empty user table; returns whether it did. */
export async function seedDemoUsers(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    for (const demo of DEMO_USERS) {
      const id = crypto.randomUUID();
      await tx.user.create({ data: { id, ...demo, passwordHash } });
      await recordAuditEvent(tx, { action: "user.created", entity: "user", entityId: id, after: { username: demo.username, role: demo.role } }, null, SYSTEM_META);
    }
  });
  return true;
}
