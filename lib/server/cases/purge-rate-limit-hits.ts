import "server-only";
import { prisma } from "@/lib/server/db";
import { REPORT_WINDOW_MINUTES } from "./submit-cardholder-report";

/** A day's hits are kept for looking into a flood; older ones count for nothing and hold addresses. */
export const RATE_LIMIT_RETENTION_MS = Math.max(24 * 60, REPORT_WINDOW_MINUTES) * 60_000;

/** Deletes throttle hits no window can count any more. Safe on every instance at once. */
export async function purgeExpiredRateLimitHits(now = new Date()) {
  const db = await prisma();
  const { count } = await db.rateLimitHit.deleteMany({ where: { at: { lt: new Date(now.getTime() - RATE_LIMIT_RETENTION_MS) } } });
  return { purged: count };
}
