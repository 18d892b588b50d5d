import "server-only";
import crypto from "node:crypto";
import { ZCreateUserSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { hashPassword } from "@/lib/server/auth/password";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/** New accounts start with a forced password change: the admin who typed the first one must not keep knowing it. */
export async function createUser({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "user:manage");
  const data = parseInput(ZCreateUserSchema, input);
  const passwordHash = await hashPassword(data.initialPassword);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: data.username } })) {
      throw new UseCaseError("VALIDATION", { username: ["validation.username.taken"] });
    }
    const user = await tx.user.create({
      data: { id: crypto.randomUUID(), username: data.username, displayName: data.displayName, role: data.role, passwordHash, mustChangePassword: true },
    });
    await recordAuditEvent(tx, { action: "user.created", entity: "user", entityId: user.id, after: { username: user.username, role: user.role } }, actor, requestMeta);
    return { id: user.id };
  });
}
