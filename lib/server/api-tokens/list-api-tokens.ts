import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "@/lib/server/pagination";

const optional = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
export const ZApiTokenQuery = z.object({
  q: optional(z.string().trim().max(80)),
  status: optional(z.enum(["active", "revoked", "expired"])),
  after: optional(z.string().max(200)),
});

export type TApiTokenStatus = "active" | "revoked" | "expired";

/** Newest first; the secret hash never leaves this function. */
export async function listApiTokens(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "api-token:manage");
  const query = ZApiTokenQuery.parse(rawQuery ?? {});
  const cursor = decodeCursor(query.after);
  const now = new Date();
  const where: Prisma.ApiTokenWhereInput = {
    AND: [
      query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { lookupId: query.q.replace(/^pg_live_/, "").slice(0, 12) }] } : {},
      query.status === "active" ? { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } : {},
      query.status === "revoked" ? { revokedAt: { not: null } } : {},
      query.status === "expired" ? { revokedAt: null, expiresAt: { lte: now } } : {},
    ],
  };
  const db = await prisma();
  const rows = await db.apiToken.findMany({
    where: { AND: [where, cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    omit: { secretHash: true },
    include: { actingUser: { select: { username: true, displayName: true } } },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const statusOf = (t: (typeof page)[number]): TApiTokenStatus => (t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt <= now ? "expired" : "active");
  return {
    tokens: page.map((t) => ({ ...t, status: statusOf(t) })),
    total: await db.apiToken.count({ where }),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined,
    query,
  };
}

/** The clerks a token may act as: active, and holding the clerk role now. */
export async function listTokenClerks(actor: Actor | null) {
  authorize(actor, "api-token:manage");
  const db = await prisma();
  return db.user.findMany({ where: { role: "CLERK", disabledAt: null }, orderBy: { username: "asc" }, select: { id: true, username: true, displayName: true }, take: 500 });
}
