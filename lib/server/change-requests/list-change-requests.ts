import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MERCHANT_TYPES } from "@/lib/domain/merchant/application-schema";
import { checkField } from "@/lib/domain/validation";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { blindIndex } from "@/lib/server/crypto/sensitive";
import { prisma } from "@/lib/server/db";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "@/lib/server/pagination";

export const CHANGE_REQUEST_STATUSES = [
  "AWAITING_VERIFICATION", "AWAITING_APPROVAL", "AWAITING_SECOND_APPROVAL", "RETURNED", "REJECTED", "CANCELLED", "PENDING_CONFIRMATION", "EFFECTIVE",
] as const;

const optional = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
export const ZChangeRequestQuery = z.object({
  q: optional(z.string().trim().max(64)),
  status: optional(z.enum(CHANGE_REQUEST_STATUSES)),
  type: optional(z.enum(MERCHANT_TYPES)),
  mcc: optional(z.string().regex(/^\d{4}$/)),
  region: optional(z.string().regex(/^\d{2,6}$/)),
  mine: optional(z.enum(["1"])),
  after: optional(z.string().max(200)),
  before: optional(z.string().max(200)),
});
export type TChangeRequestQuery = z.infer<typeof ZChangeRequestQuery>;

/** Exact search by reference, credit code or account number (through its blind index); prefix search by name. */
function searchFilter(q: string): Prisma.ChangeRequestWhereInput {
  const or: Prisma.ChangeRequestWhereInput[] = [{ reference: q.toUpperCase() }, { legalName: { startsWith: q } }];
  const uscc = checkField("uscc", q);
  if (uscc.ok) or.push({ creditCode: uscc.normalized });
  for (const kind of ["bankCard", "corporateAccount"] as const) {
    const account = checkField(kind, q);
    if (account.ok) or.push({ accountNoHash: blindIndex("account-no", account.normalized!) });
  }
  return { OR: or };
}

export async function listChangeRequests(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "merchant:read");
  const query = ZChangeRequestQuery.parse(rawQuery ?? {});
  // Newest first; "before" walks back towards newer requests, read oldest-first and turned round.
  const backwards = !!query.before && !query.after;
  const cursor = decodeCursor(query.after ?? query.before);
  const where: Prisma.ChangeRequestWhereInput = {
    AND: [
      query.q ? searchFilter(query.q) : {},
      query.status ? { status: query.status } : {},
      query.type ? { merchantType: query.type } : {},
      query.mcc ? { mcc: query.mcc } : {},
      query.region ? { divisionCode: { startsWith: query.region } } : {},
      query.mine ? { makerId: actor.id } : {},
    ],
  };
  const db = await prisma();
  const rows = await db.changeRequest.findMany({
    where: {
      AND: [
        where,
        cursor && !backwards ? { OR: [{ submittedAt: { lt: cursor.at } }, { submittedAt: cursor.at, id: { lt: cursor.id } }] } : {},
        cursor && backwards ? { OR: [{ submittedAt: { gt: cursor.at } }, { submittedAt: cursor.at, id: { gt: cursor.id } }] } : {},
      ],
    },
    orderBy: backwards ? [{ submittedAt: "asc" }, { id: "asc" }] : [{ submittedAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, reference: true, kind: true, status: true, legalName: true, merchantType: true, mcc: true, divisionCode: true, accountLast4: true, submittedAt: true, makerId: true },
  });
  const hasMore = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE);
  if (backwards) page.reverse();
  const [first, last] = [page[0], page.at(-1)];
  return {
    requests: page,
    total: await db.changeRequest.count({ where }),
    nextCursor: (backwards ? !!cursor : hasMore) && last ? encodeCursor({ at: last.submittedAt, id: last.id }) : undefined,
    prevCursor: (backwards ? hasMore : !!cursor) && first ? encodeCursor({ at: first.submittedAt, id: first.id }) : undefined,
    query,
  };
}
