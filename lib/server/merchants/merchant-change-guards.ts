import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { UseCaseError } from "@/lib/server/errors";
import { currentProposal } from "./current-proposal";

/** The approved record a change starts from, at the version the clerk saw; a closed merchant takes no changes. */
export async function changeableMerchant(db: PrismaClient, merchantId: string, merchantVersion: number) {
  const current = await currentProposal(db, merchantId);
  if (!current || current.merchant.status === "CLOSED") throw new UseCaseError("NOT_FOUND");
  if (current.merchant.version !== merchantVersion) throw new UseCaseError("CONFLICT", { _form: ["validation.change.merchantChanged"] });
  return current;
}

/**
 * Inside the writing transaction: one open request per merchant, and still the version the clerk
 * saw. Approval checks the base version again; this only spares the clerk a request that cannot take effect.
 */
export async function assertFreeForChange(tx: Prisma.TransactionClient, merchantId: string, merchantVersion: number) {
  const open = await tx.changeRequest.findFirst({ where: { openMerchantId: merchantId }, select: { reference: true } });
  if (open) throw new UseCaseError("CONFLICT", { _form: ["validation.change.alreadyOpen"] }, { reference: open.reference });
  const still = await tx.merchant.findUnique({ where: { id: merchantId }, select: { version: true } });
  if (still?.version !== merchantVersion) throw new UseCaseError("CONFLICT", { _form: ["validation.change.merchantChanged"] });
}

/** Runs the opening transaction; a concurrent submission that got there first is reported as the open request it is. */
export async function openingRequest<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    // One open request per merchant (or per credit code), held by unique indexes.
    if (isUniqueViolation(err)) throw new UseCaseError("CONFLICT", { _form: ["validation.change.alreadyOpen"] });
    throw err;
  }
}
