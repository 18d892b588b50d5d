import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/** The maker's unsubmitted drafts, newest first (a clerk rarely has more than a screenful). */
export async function listMyDrafts(actor: Actor | null) {
  authorize(actor, "merchant:draft");
  const db = await prisma();
  return db.applicationDraft.findMany({
    where: { makerId: actor.id, submittedAt: null },
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: { id: true, title: true, version: true, updatedAt: true, createdAt: true },
  });
}
