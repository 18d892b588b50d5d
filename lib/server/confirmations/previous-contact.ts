import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;
type SnapshotMerchant = { phone?: string; legalRepName?: string };

/**
 * The contact verified before this change: the phone of the version the request was made
 * against. A change that also replaced the phone must not be confirmed on its own new number —
 * whoever swaps an account takes the phone too.
 */
export async function previouslyVerifiedContact(db: Db, request: { merchantId: string; baseVersion: number }) {
  const base = await db.merchantVersion.findUnique({ where: { merchantId_version: { merchantId: request.merchantId, version: request.baseVersion } }, select: { snapshot: true } });
  const merchant = (base?.snapshot as { merchant?: SnapshotMerchant } | undefined)?.merchant;
  return { phone: merchant?.phone ?? null, legalRepName: merchant?.legalRepName ?? null };
}
