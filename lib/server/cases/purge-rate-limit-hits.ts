import "server-only";
import { prisma } from "@/lib/server/db";
import { REPORT_WINDOW_MINUTES } from "./submit-cardholder-report";

/** A day's hits are kept for looking into a flood; older ones count for nothing and hold addresses. */
export const RATE_LIMIT_RETENTION_MS = Math.max(24 * 60, REPORT_WINDOW_MINUTES) * 60_000;

/**
 * Deletes throttle hits and counted sign-in failures no window can count any more (the audit trail
 * keeps every failed sign-in). Safe on every instance at once.
 */
export async function purgeExpiredRateLimitHits(now = new Date()) {
  const db = await prisma();
  const before = new Date(now.getTime() - RATE_LIMIT_RETENTION_MS);
  const hits = await db.rateLimitHit.deleteMany({ where: { at: { lt: before } } });
  const failures = await db.signInFailure.deleteMany({ where: { at: { lt: before } } });
  return { purged: hits.count + failures.count };
}
