import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { openDraft } from "./draft-codec";

/** Only the maker sees a draft: drafts are personal work, not shared records. */
export async function loadDraft(actor: Actor | null, draftId: string) {
  authorize(actor, "merchant:draft");
  const db = await prisma();
  const draft = await db.applicationDraft.findFirst({ where: { id: draftId.slice(0, 64), makerId: actor.id } });
  if (!draft) return null;
  return { id: draft.id, version: draft.version, submittedAt: draft.submittedAt, changeRequestId: draft.changeRequestId, data: openDraft(draft.data), updatedAt: draft.updatedAt };
}
