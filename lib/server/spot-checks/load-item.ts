import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UseCaseError } from "@/lib/server/errors";

/** The item at the version the user saw, in an open campaign, still pending; otherwise a refusal. */
export async function loadPendingItem(tx: Prisma.TransactionClient, itemId: string, version: number) {
  const item = await tx.spotCheckItem.findUnique({ where: { id: itemId }, include: { campaign: { select: { status: true } } } });
  if (!item) throw new UseCaseError("NOT_FOUND");
  if (item.campaign.status !== "OPEN") throw new UseCaseError("CONFLICT", { _form: ["validation.spotCheck.campaignClosed"] });
  if (item.version !== version) throw new UseCaseError("CONFLICT");
  if (item.status !== "PENDING") throw new UseCaseError("CONFLICT", { _form: ["validation.spotCheck.alreadyRecorded"] });
  return item;
}

export type LoadedItem = Awaited<ReturnType<typeof loadPendingItem>>;

/** Conditional update on version: a concurrent change makes this a CONFLICT, never a lost update. */
export async function updateItem(tx: Prisma.TransactionClient, item: { id: string; version: number }, data: Prisma.SpotCheckItemUpdateManyMutationInput) {
  const { count } = await tx.spotCheckItem.updateMany({ where: { id: item.id, version: item.version }, data: { ...data, version: item.version + 1 } });
  if (count !== 1) throw new UseCaseError("CONFLICT");
}
