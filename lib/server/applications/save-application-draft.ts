import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { draftTitle, ZSaveDraftSchema } from "@/lib/domain/merchant/draft-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { sealDraft } from "./draft-codec";

/** Creates or updates the maker's own draft; a stale version (another tab saved first) is a conflict. */
export async function saveApplicationDraft({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "merchant:draft");
  const { draftId, version, data } = parseInput(ZSaveDraftSchema, input);
  const stored = sealDraft(data) as unknown as Prisma.InputJsonValue;
  const title = draftTitle(data);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    if (!draftId) {
      const created = await tx.applicationDraft.create({ data: { id: crypto.randomUUID(), makerId: actor.id, data: stored, title } });
      await recordAuditEvent(tx, { action: "draft.saved", entity: "application-draft", entityId: created.id, after: { title, version: 1 } }, actor, requestMeta);
      return { draftId: created.id, version: created.version };
    }
    const { count } = await tx.applicationDraft.updateMany({
      where: { id: draftId, makerId: actor.id, submittedAt: null, version },
      data: { data: stored, title, version: { increment: 1 } },
    });
    if (count !== 1) {
      const existing = await tx.applicationDraft.findUnique({ where: { id: draftId } });
      // Another clerk's draft is reported as missing: its existence is not theirs to learn.
      if (!existing || existing.makerId !== actor.id) throw new UseCaseError("NOT_FOUND");
      throw new UseCaseError("CONFLICT");
    }
    const next = (version ?? 0) + 1;
    await recordAuditEvent(tx, { action: "draft.saved", entity: "application-draft", entityId: draftId, after: { title, version: next } }, actor, requestMeta);
    return { draftId, version: next };
  });
}
