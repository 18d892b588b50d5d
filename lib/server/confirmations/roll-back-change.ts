import "server-only";
import type { ChangeRequest, Prisma } from "@/lib/generated/prisma/client";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";
import { UseCaseError } from "@/lib/server/errors";
import { bindTerminals, merchantColumns } from "@/lib/server/workflow/master-record";

/** The sealed values a merchant version holds; a restoring version holds those of the version it restored. */
async function sealedValuesOf(tx: Prisma.TransactionClient, merchantId: string, version: number): Promise<TSealedProposal> {
  const row = await tx.merchantVersion.findUniqueOrThrow({ where: { merchantId_version: { merchantId, version } } });
  if (row.restoresVersion !== null) return sealedValuesOf(tx, merchantId, row.restoresVersion);
  const source = await tx.changeRequest.findUniqueOrThrow({ where: { id: row.changeRequestId }, select: { proposal: true } });
  return source.proposal as unknown as TSealedProposal;
}

/**
 * The merchant objected: the whole change goes, not only its account. The new account is
 * withdrawn (it never was in force; the old one stays untouched) and a new version restores the
 * values of the version the request was made against — a takeover usually changes the phone too.
 */
export async function rollBackChange(tx: Prisma.TransactionClient, request: ChangeRequest, decidedBy: { id: string }, now: Date) {
  const approvedVersion = request.baseVersion + 1;
  const withdrawn = await tx.receivingAccount.findFirst({ where: { changeRequestId: request.id, status: "PENDING_CONFIRMATION" } });
  if (!withdrawn) throw new UseCaseError("CONFLICT");
  const { count: withdrawnCount } = await tx.receivingAccount.updateMany({ where: { id: withdrawn.id, status: "PENDING_CONFIRMATION" }, data: { status: "WITHDRAWN" } });
  if (withdrawnCount !== 1) throw new UseCaseError("CONFLICT");

  const base = await sealedValuesOf(tx, request.merchantId, request.baseVersion);
  const baseSnapshot = await tx.merchantVersion.findUniqueOrThrow({ where: { merchantId_version: { merchantId: request.merchantId, version: request.baseVersion } }, select: { snapshot: true } });
  const version = approvedVersion + 1;
  const { count } = await tx.merchant.updateMany({ where: { id: request.merchantId, version: approvedVersion }, data: { version, ...merchantColumns(base.merchant) } });
  if (count !== 1) throw new UseCaseError("CONFLICT");
  const { boundElsewhere } = await bindTerminals(tx, request.merchantId, base.terminals, request.id, now);
  await tx.merchantVersion.create({
    data: { merchantId: request.merchantId, version, changeRequestId: request.id, approvedById: decidedBy.id, approvedAt: now, restoresVersion: request.baseVersion, snapshot: baseSnapshot.snapshot as Prisma.InputJsonValue },
  });
  return { merchantVersion: version, withdrawnAccountLast4: withdrawn.accountLast4, terminalsBoundElsewhere: boundElsewhere };
}
