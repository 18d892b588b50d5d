import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZApiMerchantQuery } from "@/lib/domain/api/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import { decodeCursor, encodeCursor } from "@/lib/server/pagination";

// Masked by construction: the sealed columns are never selected.
const SUMMARY = {
  id: true, merchantNo: true, legalName: true, receiptName: true, type: true, status: true, mcc: true, divisionCode: true, version: true, updatedAt: true,
  accounts: { where: { status: "IN_FORCE" }, select: { accountType: true, accountName: true, accountLast4: true, bankCode: true, branchName: true, cnaps: true, effectiveFrom: true }, take: 1 },
} satisfies Prisma.MerchantSelect;

type TRow = Prisma.MerchantGetPayload<{ select: typeof SUMMARY }>;
const summary = ({ accounts, ...m }: TRow) => ({ ...m, receivingAccount: accounts[0] ?? null });

/** Approved merchants, newest change first, by exact merchant number or name prefix; keyset paginated. */
export async function listApprovedMerchants(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "merchant:read");
  const query = parseInput(ZApiMerchantQuery, rawQuery ?? {});
  const cursor = decodeCursor(query.cursor);
  if (query.cursor && !cursor) throw new UseCaseError("VALIDATION", { cursor: ["validation.invalid"] });
  const where: Prisma.MerchantWhereInput = {
    AND: [
      { version: { gt: 0 } },
      query.merchantNo ? { merchantNo: query.merchantNo.toUpperCase() } : {},
      query.name ? { OR: [{ legalName: { startsWith: query.name } }, { receiptName: { startsWith: query.name } }] } : {},
      query.status ? { status: query.status } : {},
    ],
  };
  const db = await prisma();
  const rows = await db.merchant.findMany({
    where: { AND: [where, cursor ? { OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] } : {}] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: SUMMARY,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(summary), nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.updatedAt, id: last.id }) : null };
}

/** One approved merchant by id or merchant number, masked, with its terminals in force. */
export async function getApprovedMerchant(actor: Actor | null, idOrMerchantNo: string) {
  authorize(actor, "merchant:read");
  const key = idOrMerchantNo.slice(0, 64);
  const db = await prisma();
  const merchant = await db.merchant.findFirst({
    where: { version: { gt: 0 }, OR: [{ id: key }, { merchantNo: key.toUpperCase() }] },
    select: { ...SUMMARY, legalRepName: true, legalRepIdLast4: true, terminals: { where: { boundTo: null }, select: { terminalId: true, serialNo: true, installAddress: true, boundFrom: true } } },
  });
  if (!merchant) throw new UseCaseError("NOT_FOUND");
  const { accounts, ...rest } = merchant;
  return { ...rest, receivingAccount: accounts[0] ?? null };
}
