import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/** The signed-in auditor's pending items in open campaigns, oldest campaign first: their work queue. */
export async function listMyItems({ actor }: { actor: Actor | null }) {
  authorize(actor, "spotcheck:perform");
  const db = await prisma();
  const items = await db.spotCheckItem.findMany({
    where: { assigneeId: actor.id, status: "PENDING", campaign: { status: "OPEN" } },
    orderBy: [{ campaign: { createdAt: "asc" } }, { drawOrder: "asc" }],
    take: 500,
    select: { id: true, version: true, merchantId: true, merchantVersion: true, mcc: true, stale: true, campaign: { select: { id: true, reference: true, name: true, periodEnd: true } } },
  });
  const merchants = await db.merchant.findMany({ where: { id: { in: items.map((i) => i.merchantId) } }, select: { id: true, merchantNo: true, legalName: true, version: true } });
  const byId = new Map(merchants.map((m) => [m.id, m]));
  return items.map((i) => {
    const m = byId.get(i.merchantId);
    return { ...i, merchantNo: m?.merchantNo ?? null, legalName: m?.legalName ?? null, stale: i.stale || m?.version !== i.merchantVersion };
  });
}
