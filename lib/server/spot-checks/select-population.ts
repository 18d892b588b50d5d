import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { RISK_SEVERITY_WEIGHTS } from "@/lib/domain/sampling";
import type { TSpotCheckPopulation } from "@/lib/domain/spot-checks/schemas";

/** An approved merchant eligible for a draw, with the people behind its current version. */
export type PopulationRecord = {
  merchantId: string;
  merchantVersion: number;
  mcc: string | null;
  changeRequestId: string;
  makerId: string;
  verifierId: string | null;
  approverId: string | null;
  secondApproverId: string | null;
  /** Sum of the current version's risk flags by severity; 0 when it has none. */
  riskWeight: number;
};

const DAY_MS = 86_400_000;

function filtersOf(population: TSpotCheckPopulation, now: Date): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`m.status = 'ACTIVE'`, Prisma.sql`m.version >= 1`];
  if (population.changedWithinDays !== undefined) where.push(Prisma.sql`mv."approvedAt" >= ${new Date(now.getTime() - population.changedWithinDays * DAY_MS)}`);
  if (population.mccs) where.push(Prisma.sql`m.mcc IN (${Prisma.join(population.mccs)})`);
  // The prefix is digits only (schema), so it needs no LIKE escaping.
  if (population.regionPrefix) where.push(Prisma.sql`m."divisionCode" LIKE ${`${population.regionPrefix}%`}`);
  if (population.makerIds) where.push(Prisma.sql`cr."makerId" IN (${Prisma.join(population.makerIds)})`);
  return where;
}

/**
 * The whole population in one query, ids in byte order (COLLATE "C", the code-unit order the
 * draw uses for ASCII ids), so no per-merchant round trips even for a million records.
 */
export async function selectPopulation(db: Pick<PrismaClient, "$queryRaw">, population: TSpotCheckPopulation, now: Date): Promise<PopulationRecord[]> {
  const { high, medium, low } = RISK_SEVERITY_WEIGHTS;
  const rows = await db.$queryRaw<PopulationRecord[]>(Prisma.sql`
    SELECT m.id AS "merchantId", m.version AS "merchantVersion", m.mcc, cr.id AS "changeRequestId",
           cr."makerId", cr."verifierId", cr."approverId", cr."secondApproverId",
           COALESCE((
             SELECT SUM(CASE f->>'severity' WHEN 'high' THEN ${high}::float8 WHEN 'medium' THEN ${medium}::float8 WHEN 'low' THEN ${low}::float8 ELSE 0 END)
             FROM jsonb_array_elements(CASE WHEN jsonb_typeof(cr."riskFlags") = 'array' THEN cr."riskFlags" ELSE '[]'::jsonb END) AS f
           ), 0)::float8 AS "riskWeight"
    FROM "Merchant" m
    JOIN "MerchantVersion" mv ON mv."merchantId" = m.id AND mv.version = m.version
    JOIN "ChangeRequest" cr ON cr.id = mv."changeRequestId"
    WHERE ${Prisma.join(filtersOf(population, now), " AND ")}
    ORDER BY m.id COLLATE "C"`);
  return rows.map((r) => ({ ...r, merchantVersion: Number(r.merchantVersion), riskWeight: Number(r.riskWeight) }));
}
