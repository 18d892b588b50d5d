import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { purgeExpiredRateLimitHits, RATE_LIMIT_RETENTION_MS } from "./purge-rate-limit-hits";

describe("purgeExpiredRateLimitHits", () => {
  it("deletes hits older than the retention and keeps the rest", async () => {
    const db = await prisma();
    const now = new Date("2026-12-02T12:00:00Z");
    const at = (msAgo: number) => new Date(now.getTime() - msAgo);
    await db.rateLimitHit.createMany({
      data: [
        { bucket: "purge-test", key: "203.0.113.1", at: at(RATE_LIMIT_RETENTION_MS + 60_000) },
        { bucket: "purge-test", key: "203.0.113.1", at: at(RATE_LIMIT_RETENTION_MS + 1) },
        { bucket: "purge-test", key: "203.0.113.2", at: at(RATE_LIMIT_RETENTION_MS - 60_000) },
        { bucket: "purge-test", key: "203.0.113.2", at: at(60_000) },
      ],
    });
    await db.signInFailure.createMany({
      data: [
        { ip: "203.0.113.3", username: "purge-old", at: at(RATE_LIMIT_RETENTION_MS + 1) },
        { ip: "203.0.113.3", username: "purge-recent", at: at(60_000) },
      ],
    });
    expect(await purgeExpiredRateLimitHits(now)).toEqual({ purged: 3 });
    const left = await db.rateLimitHit.findMany({ where: { bucket: "purge-test" }, select: { key: true } });
    expect(left.map((h) => h.key)).toEqual(["203.0.113.2", "203.0.113.2"]);
    expect((await db.signInFailure.findMany({ where: { ip: "203.0.113.3" }, select: { username: true } })).map((f) => f.username)).toEqual(["purge-recent"]);
    expect(await purgeExpiredRateLimitHits(now)).toEqual({ purged: 0 });
  });
});
