import "server-only";
import type { Prisma, ReceivingAccount } from "@/lib/generated/prisma/client";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";

/** Any difference in where the money goes makes a new account row, which waits for confirmation. */
export function accountDiffers(inForce: Pick<ReceivingAccount, "accountNoHash" | "accountName" | "cnaps" | "accountType">, proposed: TSealedProposal["account"]) {
  return inForce.accountNoHash !== proposed.accountNoHash || inForce.accountName !== proposed.accountName || inForce.cnaps !== proposed.cnaps || inForce.accountType !== proposed.accountType;
}

/** Does this change replace the account in force? Only an update can: an onboarding has none, a status change keeps it. */
export async function replacesAccountInForce(tx: Prisma.TransactionClient, request: { kind: string; merchantId: string; proposal: Prisma.JsonValue }) {
  if (request.kind !== "UPDATE") return false;
  const inForce = await tx.receivingAccount.findFirst({ where: { merchantId: request.merchantId, status: "IN_FORCE" } });
  return !!inForce && accountDiffers(inForce, (request.proposal as unknown as TSealedProposal).account);
}
