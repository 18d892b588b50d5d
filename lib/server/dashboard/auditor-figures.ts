import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { wilsonInterval, type ProportionInterval } from "@/lib/domain/sampling";

export type CampaignProgress = {
  id: string;
  reference: string;
  name: string;
  periodEnd: Date;
  total: number;
  done: number;
  stale: number;
  examined: number;
  discrepancies: number;
  unreachable: number;
  /** Sample discrepancy rate with its 95 % Wilson interval; null until something was examined. */
  wilson95: ProportionInterval | null;
};

const CAMPAIGN_LIMIT = 20;

/** Open campaigns, newest first, with item counts grouped in one query. */
export async function openCampaignProgress(db: Pick<PrismaClient, "$queryRaw">): Promise<CampaignProgress[]> {
  const rows = await db.$queryRaw<Omit<CampaignProgress, "wilson95">[]>(Prisma.sql`
    SELECT c.id, c.reference, c.name, c."periodEnd",
           count(i.id)::int AS total,
           count(i.id) FILTER (WHERE i.status = 'DONE')::int AS done,
           count(i.id) FILTER (WHERE i.stale)::int AS stale,
           count(i.id) FILTER (WHERE i.outcome IN ('CONFIRMED', 'DISCREPANCY'))::int AS examined,
           count(i.id) FILTER (WHERE i.outcome = 'DISCREPANCY')::int AS discrepancies,
           count(i.id) FILTER (WHERE i.outcome = 'UNREACHABLE')::int AS unreachable
    FROM (SELECT * FROM "SpotCheckCampaign" WHERE status = 'OPEN' ORDER BY "createdAt" DESC LIMIT ${CAMPAIGN_LIMIT}) c
    LEFT JOIN "SpotCheckItem" i ON i."campaignId" = c.id
    GROUP BY c.id, c.reference, c.name, c."periodEnd", c."createdAt"
    ORDER BY c."createdAt" DESC`);
  return rows.map((r) => ({ ...r, wilson95: r.examined > 0 ? wilsonInterval(r.discrepancies, r.examined) : null }));
}

export type OpenCaseFigure = { kind: string; count: number; oldest: Date };

/** Open cases by kind with the oldest one's age. */
export async function openCaseFigures(db: Pick<PrismaClient, "$queryRaw">): Promise<OpenCaseFigure[]> {
  return db.$queryRaw<OpenCaseFigure[]>(Prisma.sql`
    SELECT kind::text AS kind, count(*)::int AS count, min("createdAt") AS oldest
    FROM "Case" WHERE status = 'OPEN'
    GROUP BY 1 ORDER BY 1`);
}
