import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "@/lib/server/pagination";

export const ZConfirmationQueueQuery = z.object({ after: z.string().max(200).optional().catch(undefined) });

const PENDING: Prisma.ChangeRequestWhereInput = { status: "PENDING_CONFIRMATION" };

/**
 * Approved account changes waiting for their confirmation call, soonest hold end first (those
 * take effect on their own next). The clerk's own requests are listed but marked: someone else calls.
 */
export async function listConfirmationQueue(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "change:confirm");
  const query = ZConfirmationQueueQuery.parse(rawQuery ?? {});
  const cursor = decodeCursor(query.after);
  const db = await prisma();
  const rows = await db.changeRequest.findMany({
    where: { AND: [PENDING, cursor ? { OR: [{ holdUntil: { gt: cursor.at } }, { holdUntil: cursor.at, id: { gt: cursor.id } }] } : {}] },
    orderBy: [{ holdUntil: "asc" }, { id: "asc" }],
    take: PAGE_SIZE + 1,
    select: {
      id: true, reference: true, legalName: true, merchantId: true, accountLast4: true, decidedAt: true, holdUntil: true, makerId: true,
      merchant: { select: { merchantNo: true, accounts: { where: { status: "IN_FORCE" }, select: { accountLast4: true }, take: 1 } } },
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    requests: page.map(({ merchant, makerId, ...r }) => ({ ...r, holdUntil: r.holdUntil!, merchantNo: merchant.merchantNo, oldAccountLast4: merchant.accounts[0]?.accountLast4 ?? null, isOwn: makerId === actor.id })),
    total: await db.changeRequest.count({ where: PENDING }),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.holdUntil!, id: last.id }) : undefined,
    query,
  };
}
