import "server-only";
import { editableProposal } from "@/lib/server/applications/editable-proposal";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { currentProposal } from "./current-proposal";

/**
 * What a clerk needs to change an approved merchant: the record at its current version as form
 * values (sealed numbers blank, their last 4 on file), or why it cannot be changed now — a request
 * already open, or the merchant closed.
 */
export async function getMerchantChangeTask(actor: Actor | null, merchantId: string) {
  authorize(actor, "change:submit");
  const db = await prisma();
  const current = await currentProposal(db, merchantId);
  if (!current) return null;
  const { merchant } = current;
  const openRequest = await db.changeRequest.findFirst({ where: { openMerchantId: merchant.id }, select: { id: true, reference: true, status: true } });
  return {
    merchantId: merchant.id,
    merchantNo: merchant.merchantNo,
    legalName: merchant.legalName ?? "",
    status: merchant.status,
    version: merchant.version,
    openRequest,
    ...editableProposal(current.sealed),
  };
}
