import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ROLES } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/server/auth/current-actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prisma } from "@/lib/server/db";

export const ZUserListQuery = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["active", "disabled", "locked"]).optional().catch(undefined),
  after: z.string().max(64).optional().catch(undefined),
  before: z.string().max(64).optional().catch(undefined),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const USER_PAGE_SIZE = 20;

/** Keyset pagination by username: stable under inserts, no OFFSET scans. */
export async function listUsers(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "user:manage");
  const query = ZUserListQuery.parse(rawQuery ?? {});
  const now = new Date();
  const where: Prisma.UserWhereInput = {
    ...(query.q ? { OR: [{ username: { contains: query.q.toLowerCase() } }, { displayName: { contains: query.q } }] } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status === "active" ? { disabledAt: null } : {}),
    ...(query.status === "disabled" ? { disabledAt: { not: null } } : {}),
    ...(query.status === "locked" ? { lockedUntil: { gt: now } } : {}),
  };
  const db = await prisma();
  const backwards = !!query.before && !query.after;
  const cursor = query.after ?? query.before;
  const rows = await db.user.findMany({
    where: { AND: [where, cursor ? { username: backwards ? { lt: cursor } : { gt: cursor } } : {}] },
    orderBy: { username: backwards ? "desc" : "asc" },
    take: USER_PAGE_SIZE + 1,
    select: { id: true, username: true, displayName: true, role: true, disabledAt: true, lockedUntil: true, mustChangePassword: true, totpEnabledAt: true, updatedAt: true },
  });
  const hasMore = rows.length > USER_PAGE_SIZE;
  const page = rows.slice(0, USER_PAGE_SIZE);
  if (backwards) page.reverse();
  const total = await db.user.count({ where });
  return {
    users: page.map((u) => ({ ...u, locked: !!u.lockedUntil && u.lockedUntil > now })),
    total,
    nextCursor: (backwards ? !!cursor : hasMore) ? page.at(-1)?.username : undefined,
    prevCursor: (backwards ? hasMore : !!query.after) ? page[0]?.username : undefined,
    query,
  };
}
