import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeIdentifier } from "@/lib/domain/validation/normalize";
import { prisma } from "@/lib/server/db";

/** Stored prefixes are 6–10 digits (see card-bin-csv.ts). */
const MIN_PREFIX = 6;
const MAX_PREFIX = 10;

/**
 * The BIN entry with the longest prefix of `cardNumber`, or null. One indexed query over at most
 * five candidate prefixes (primary-key lookups), so it costs the same for 100 or 100,000 BINs.
 * Pass the caller's transaction client to read inside its transaction. Not a use case: callers
 * (entry validation, risk rules) authorise before they look up.
 */
export async function lookupCardBin(cardNumber: string, client?: PrismaClient | Prisma.TransactionClient) {
  const digits = normalizeIdentifier(cardNumber);
  if (!/^\d+$/.test(digits) || digits.length < MIN_PREFIX) return null;
  const candidates: string[] = [];
  for (let n = MIN_PREFIX; n <= Math.min(MAX_PREFIX, digits.length); n++) candidates.push(digits.slice(0, n));
  const db = client ?? (await prisma());
  const matches = await db.cardBin.findMany({ where: { prefix: { in: candidates } }, select: { prefix: true, bankName: true, cardType: true } });
  return matches.reduce<(typeof matches)[number] | null>((best, m) => (!best || m.prefix.length > best.prefix.length ? m : best), null);
}
