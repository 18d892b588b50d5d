import "server-only";
import type { ChangeRequest, Prisma } from "@/lib/generated/prisma/client";
import { UseCaseError } from "@/lib/server/errors";
import { moveRequest } from "@/lib/server/workflow/load-for-decision";

/**
 * A pending account change takes effect: the request closes as EFFECTIVE and, at the same
 * instant, the old account stops and the new one starts — so for any instant exactly one account
 * is in force. Every write is conditional; a second writer (another instance, a double click)
 * gets CONFLICT and its transaction changes nothing.
 */
export async function putNewAccountInForce(tx: Prisma.TransactionClient, request: ChangeRequest, now: Date, confirmedById: string | null) {
  await moveRequest(tx, request, { status: "EFFECTIVE", openMerchantId: null, confirmedById });
  const incoming = await tx.receivingAccount.findFirst({ where: { changeRequestId: request.id, status: "PENDING_CONFIRMATION" } });
  const outgoing = await tx.receivingAccount.findFirst({ where: { merchantId: request.merchantId, status: "IN_FORCE" } });
  if (!incoming || !outgoing) throw new UseCaseError("CONFLICT");
  // The old one first: the database allows one account in force per merchant.
  const ended = await tx.receivingAccount.updateMany({ where: { id: outgoing.id, status: "IN_FORCE" }, data: { status: "SUPERSEDED", effectiveTo: now } });
  const started = await tx.receivingAccount.updateMany({ where: { id: incoming.id, status: "PENDING_CONFIRMATION" }, data: { status: "IN_FORCE", effectiveFrom: now } });
  if (ended.count !== 1 || started.count !== 1) throw new UseCaseError("CONFLICT");
  return { accountLast4: incoming.accountLast4, previousAccountLast4: outgoing.accountLast4 };
}
