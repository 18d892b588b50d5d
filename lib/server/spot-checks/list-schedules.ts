import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/** Monthly schedules, running first, with the newest month each has drawn. Few by nature: not paged. */
export async function listSchedules(actor: Actor | null) {
  authorize(actor, "spotcheck:manage");
  const db = await prisma();
  const schedules = await db.spotCheckSchedule.findMany({
    orderBy: [{ active: "desc" }, { createdAt: "desc" }],
    take: 200,
    include: { campaigns: { orderBy: { schedulePeriod: "desc" }, take: 1, select: { id: true, reference: true, schedulePeriod: true } }, _count: { select: { campaigns: true } } },
  });
  return schedules.map(({ campaigns, _count, ...s }) => ({ ...s, lastCampaign: campaigns[0] ?? null, campaignCount: _count.campaigns }));
}
