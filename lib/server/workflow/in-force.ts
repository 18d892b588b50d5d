import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/** The receiving account in force for a merchant at an instant (reconciliation of past transactions). */
export async function accountInForceAt(db: Db, merchantId: string, at: Date) {
  return db.receivingAccount.findFirst({
    where: { merchantId, effectiveFrom: { lte: at }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: at } }] },
    orderBy: { effectiveFrom: "desc" },
  });
}

/** The merchant a terminal was bound to at an instant. */
export async function terminalBindingAt(db: Db, terminalId: string, at: Date) {
  return db.terminalBinding.findFirst({
    where: { terminalId, boundFrom: { lte: at }, OR: [{ boundTo: null }, { boundTo: { gt: at } }] },
    orderBy: { boundFrom: "desc" },
  });
}
