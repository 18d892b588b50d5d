import "server-only";
import { ZLocaleSchema } from "@/lib/domain/users/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

/** Remembered per user, so the language follows them to another browser. */
export async function setOwnLocale({ actor, input, requestMeta }: { actor: Actor; input: unknown; requestMeta: RequestMeta }) {
  const { locale } = parseInput(ZLocaleSchema, input);
  const db = await prisma();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { locale } });
    await recordAuditEvent(tx, { action: "user.locale-changed", entity: "user", entityId: actor.id, after: { locale } }, actor, requestMeta);
  });
  return { locale };
}
