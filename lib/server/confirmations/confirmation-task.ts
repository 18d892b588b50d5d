import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { previouslyVerifiedContact } from "./previous-contact";

const ACCOUNT = { id: true, status: true, accountType: true, accountName: true, accountLast4: true, bankCode: true, branchName: true, effectiveFrom: true, effectiveTo: true } as const;

/**
 * What the clerk needs for the call: the contact verified before this change (the only number to
 * call), the account in force and the one proposed (both masked), the hold, and any call recorded.
 */
export async function getConfirmationTask(actor: Actor | null, changeRequestId: string) {
  authorize(actor, "change:confirm");
  const db = await prisma();
  const request = await db.changeRequest.findUnique({
    where: { id: changeRequestId.slice(0, 64) },
    include: { confirmation: true, merchant: { select: { merchantNo: true } } },
  });
  if (!request || request.kind !== "UPDATE") return null;
  const incoming = await db.receivingAccount.findFirst({ where: { changeRequestId: request.id }, select: ACCOUNT });
  if (!incoming) return null;
  // Pending: the account in force now. Afterwards: the one the new account replaced (or still in force, after an objection).
  const outgoing = await db.receivingAccount.findFirst({
    where: { merchantId: request.merchantId, id: { not: incoming.id }, OR: [{ status: "IN_FORCE" }, ...(incoming.effectiveFrom ? [{ effectiveTo: incoming.effectiveFrom }] : [])] },
    orderBy: { effectiveFrom: "desc" },
    select: ACCOUNT,
  });
  const contact = await previouslyVerifiedContact(db, request);
  const people = await db.user.findMany({ where: { id: { in: [request.makerId, request.confirmation?.recordedById].filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const nameOf = (id: string | undefined) => people.find((p) => p.id === id)?.displayName ?? "";
  return {
    id: request.id,
    reference: request.reference,
    version: request.version,
    status: request.status,
    merchantId: request.merchantId,
    merchantNo: request.merchant.merchantNo,
    legalName: request.legalName,
    approvedAt: request.decidedAt,
    holdUntil: request.holdUntil,
    makerName: nameOf(request.makerId),
    isOwn: request.makerId === actor.id,
    contact,
    // The change brings a new phone: whoever answers it may be the very person who asked for the change.
    newPhone: contact.phone && request.phone !== contact.phone ? request.phone : null,
    incoming,
    outgoing,
    confirmation: request.confirmation ? { ...request.confirmation, recordedBy: nameOf(request.confirmation.recordedById) } : null,
  };
}
export type TConfirmationTask = NonNullable<Awaited<ReturnType<typeof getConfirmationTask>>>;
