import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";

/** Where a change request stands, by id or reference: what an integration polls after submitting. */
export async function getChangeRequestStatus(actor: Actor | null, idOrReference: string) {
  authorize(actor, "merchant:read");
  const key = idOrReference.slice(0, 64);
  const db = await prisma();
  const request = await db.changeRequest.findFirst({
    where: { OR: [{ id: key }, { reference: key.toUpperCase() }] },
    select: {
      id: true, reference: true, kind: true, status: true, merchantId: true, submittedAt: true, decidedAt: true, holdUntil: true, decisionNote: true,
      mismatchedFields: true, merchant: { select: { merchantNo: true } },
    },
  });
  if (!request) throw new UseCaseError("NOT_FOUND");
  const { merchant, ...rest } = request;
  return { ...rest, merchantNo: merchant.merchantNo };
}
