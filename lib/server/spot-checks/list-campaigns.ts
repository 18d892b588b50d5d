import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/** Campaigns newest first with their progress (done / total), for the campaigns list and the dashboard. */
export async function listCampaigns({ actor }: { actor: Actor | null }) {
  authorize(actor, "spotcheck:manage");
  const db = await prisma();
  const campaigns = await db.spotCheckCampaign.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, reference: true, name: true, status: true, strategy: true, periodStart: true, periodEnd: true, populationSize: true, sampleSize: true, createdAt: true, version: true },
  });
  const done = await db.spotCheckItem.groupBy({ by: ["campaignId"], where: { campaignId: { in: campaigns.map((c) => c.id) }, status: "DONE" }, _count: { _all: true } });
  const doneOf = new Map(done.map((d) => [d.campaignId, d._count._all]));
  return campaigns.map((c) => ({ ...c, done: doneOf.get(c.id) ?? 0 }));
}
