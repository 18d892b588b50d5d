import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

const ZDeleteDraftSchema = z.strictObject({ draftId: z.string().max(64), version: z.number().int().positive() });

/** Unsubmitted drafts only: a submitted one is the history of a change request. */
export async function deleteDraft({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "merchant:draft");
  const { draftId, version } = parseInput(ZDeleteDraftSchema, input);
  const db = await prisma();
  await db.$transaction(async (tx) => {
    const { count } = await tx.applicationDraft.deleteMany({ where: { id: draftId, makerId: actor.id, submittedAt: null, version } });
    if (count !== 1) throw new UseCaseError((await tx.applicationDraft.findFirst({ where: { id: draftId, makerId: actor.id } })) ? "CONFLICT" : "NOT_FOUND");
    await recordAuditEvent(tx, { action: "draft.deleted", entity: "application-draft", entityId: draftId }, actor, requestMeta);
  });
}
