import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Holds a transaction-scoped advisory lock on `key` until commit or rollback, so transactions that
 * count rows and then add one (a throttle) run one after another for the same key. Works on both
 * engines; other keys are not blocked.
 */
export async function lockKeyForTransaction(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))) AS held`;
}
