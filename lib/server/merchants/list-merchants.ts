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

const optional = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
export const ZMerchantQuery = z.object({
  q: optional(z.string().trim().max(64)),
  status: optional(z.enum(["ACTIVE", "SUSPENDED", "CLOSED"])),
  type: optional(z.enum(MERCHANT_TYPES)),
  mcc: optional(z.string().regex(/^\d{4}$/)),
  region: optional(z.string().regex(/^\d{2,6}$/)),
  after: optional(z.string().max(200)),
});

/** Exact search by merchant number, credit code or account number (blind index); prefix search by name. */
async function searchFilter(db: Prisma.TransactionClient, q: string): Promise<Prisma.MerchantWhereInput> {
  const or: Prisma.MerchantWhereInput[] = [{ merchantNo: q.toUpperCase() }, { legalName: { startsWith: q } }, { receiptName: { startsWith: q } }];
  const uscc = checkField("uscc", q);
  if (uscc.ok) or.push({ creditCode: uscc.normalized });
  const hashes = (["bankCard", "corporateAccount"] as const).flatMap((kind) => {
    const account = checkField(kind, q);
    return account.ok ? [blindIndex("account-no", account.normalized!)] : [];
  });
  if (hashes.length) {
    const holders = await db.receivingAccount.findMany({ where: { accountNoHash: { in: hashes } }, select: { merchantId: true }, take: 100 });
    or.push({ id: { in: holders.map((h) => h.merchantId) } });
  }
  return { OR: or };
}

export type TMerchantQuery = z.infer<typeof ZMerchantQuery>;

/** The list's filters as a where clause: approved merchants only (version ≥ 1); the export uses the same. */
export async function merchantWhere(db: Prisma.TransactionClient, query: TMerchantQuery): Promise<Prisma.MerchantWhereInput> {
  return {
    AND: [
      { version: { gt: 0 } },
      query.q ? await searchFilter(db, query.q) : {},
      query.status ? { status: query.status } : {},
      query.type ? { type: query.type } : {},
      query.mcc ? { mcc: query.mcc } : {},
      query.region ? { divisionCode: { startsWith: query.region } } : {},
    ],
  };
}

/** Approved merchants only (version ≥ 1); onboarding ones are found through their change requests. */
export async function listMerchants(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "merchant:read");
  const query = ZMerchantQuery.parse(rawQuery ?? {});
  const cursor = decodeCursor(query.after);
  const db = await prisma();
  const where = await merchantWhere(db, query);
  const rows = await db.merchant.findMany({
    where: { AND: [where, cursor ? { OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] } : {}] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: {
      id: true, merchantNo: true, legalName: true, type: true, status: true, mcc: true, divisionCode: true, version: true, updatedAt: true,
      changeRequests: { where: { openMerchantId: { not: null } }, select: { id: true, reference: true, status: true }, take: 1 },
      accounts: { where: { status: "IN_FORCE" }, select: { accountLast4: true }, take: 1 },
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    merchants: page.map(({ changeRequests, accounts, ...m }) => ({ ...m, openRequest: changeRequests[0] ?? null, accountLast4: accounts[0]?.accountLast4 ?? null })),
    total: await db.merchant.count({ where }),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.updatedAt, id: last.id }) : undefined,
    query,
  };
}
