import "server-only";
import { z } from "zod";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "@/lib/server/pagination";

export const ZImportQuery = z.object({
  mine: z.enum(["1"]).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});

/** Imports newest first, keyset-paginated; "mine" narrows to the signed-in clerk's own. */
export async function listImports(actor: Actor | null, rawQuery: unknown) {
  authorize(actor, "change:submit");
  const query = ZImportQuery.parse(rawQuery ?? {});
  const cursor = decodeCursor(query.after);
  const db = await prisma();
  const where = query.mine ? { makerId: actor.id } : {};
  const rows = await db.merchantImport.findMany({
    where: { AND: [where, cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, reference: true, fileName: true, format: true, makerId: true, rowsRead: true, accepted: true, rejected: true, createdAt: true },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const makers = await db.user.findMany({ where: { id: { in: [...new Set(page.map((r) => r.makerId))] } }, select: { id: true, username: true } });
  const name = new Map(makers.map((u) => [u.id, u.username]));
  const last = page.at(-1);
  return {
    imports: page.map((r) => ({ ...r, maker: name.get(r.makerId) ?? "" })),
    total: await db.merchantImport.count({ where }),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined,
    query,
  };
}
