import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/** One case with what it is linked to, its notes and its audit-backed history, for auditors. */
export async function getCase(actor: Actor | null, caseId: string) {
  authorize(actor, "case:triage");
  const db = await prisma();
  const found = await db.case.findUnique({
    where: { id: caseId },
    include: { merchant: { select: { id: true, legalName: true, merchantNo: true, status: true } }, notes: { orderBy: { createdAt: "asc" } } },
  });
  if (!found) return null;
  const [changeRequest, correctingRequests, spotCheckItem, history] = await Promise.all([
    found.changeRequestId ? db.changeRequest.findUnique({ where: { id: found.changeRequestId }, select: { id: true, reference: true, status: true } }) : null,
    db.changeRequest.findMany({ where: { caseId: found.id }, orderBy: { submittedAt: "asc" }, select: { id: true, reference: true, status: true, submittedAt: true } }),
    found.spotCheckItemId
      ? db.spotCheckItem.findUnique({ where: { id: found.spotCheckItemId }, select: { id: true, outcome: true, campaign: { select: { id: true, reference: true, name: true } } } })
      : null,
    db.auditEvent.findMany({ where: { entity: "case", entityId: found.id }, orderBy: { seq: "asc" }, select: { seq: true, at: true, action: true, actorId: true, actorName: true } }),
  ]);
  const userIds = [found.assigneeId, found.createdById, found.closedById, ...found.notes.map((n) => n.authorId), ...history.map((h) => h.actorId)].filter((x): x is string => !!x);
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } });
  const nameOf = (id: string | null) => (id ? (users.find((u) => u.id === id)?.displayName ?? null) : null);
  return {
    ...found,
    assigneeName: nameOf(found.assigneeId),
    createdByName: nameOf(found.createdById),
    closedByName: nameOf(found.closedById),
    notes: found.notes.map((n) => ({ ...n, authorName: nameOf(n.authorId) })),
    changeRequest,
    correctingRequests,
    spotCheckItem,
    // People by display name, as everywhere else on the page; the audit row keeps the username.
    history: history.map((h) => ({ ...h, seq: h.seq.toString(), actorName: nameOf(h.actorId) ?? h.actorName })),
  };
}

/** Auditors a case can be given to, for the triage and assignment forms. */
export async function caseWorkers(actor: Actor | null) {
  authorize(actor, "case:triage");
  const db = await prisma();
  return db.user.findMany({ where: { role: "AUDITOR", disabledAt: null }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true, username: true } });
}
