import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { AGE_BUCKETS, ageCutoffs, type TAgeBucket } from "@/lib/domain/dashboard/ageing";

/** Queues in the order work flows through them. */
export const DASHBOARD_QUEUES = ["AWAITING_VERIFICATION", "AWAITING_APPROVAL", "AWAITING_SECOND_APPROVAL", "RETURNED", "PENDING_CONFIRMATION"] as const;
export type TDashboardQueue = (typeof DASHBOARD_QUEUES)[number];
/** Requests whose flags still wait for a supervisor to acknowledge them (approval acknowledges them). */
const UNDECIDED = ["AWAITING_VERIFICATION", "AWAITING_APPROVAL", "AWAITING_SECOND_APPROVAL", "RETURNED"] as const;

// Constant enum names from this file, never user input: inlined so the (status, submittedAt) index applies.
const statusList = (statuses: readonly string[]) => Prisma.raw(statuses.map((s) => `'${s}'`).join(", "));

export type QueueFigure = { status: TDashboardQueue; total: number; oldest: Date | null; highRisk: number; flagged: number; byAge: Record<TAgeBucket, number> };

/** Size, oldest waiting, age buckets and flagged share of each open queue: one grouped scan of open requests. */
export async function queueFigures(db: Pick<PrismaClient, "$queryRaw">, now: Date): Promise<QueueFigure[]> {
  const [oneDay, threeDays, sevenDays] = ageCutoffs(now);
  const rows = await db.$queryRaw<{ status: TDashboardQueue; total: number; oldest: Date | null; highRisk: number; flagged: number; b0: number; b1: number; b2: number; b3: number }[]>(Prisma.sql`
    SELECT status::text AS status, count(*)::int AS total, min("submittedAt") AS oldest,
           count(*) FILTER (WHERE "highRisk")::int AS "highRisk",
           count(*) FILTER (WHERE jsonb_typeof("riskFlags") = 'array' AND jsonb_array_length("riskFlags") > 0)::int AS flagged,
           count(*) FILTER (WHERE "submittedAt" > ${oneDay})::int AS b0,
           count(*) FILTER (WHERE "submittedAt" <= ${oneDay} AND "submittedAt" > ${threeDays})::int AS b1,
           count(*) FILTER (WHERE "submittedAt" <= ${threeDays} AND "submittedAt" > ${sevenDays})::int AS b2,
           count(*) FILTER (WHERE "submittedAt" <= ${sevenDays})::int AS b3
    FROM "ChangeRequest"
    WHERE status IN (${statusList(DASHBOARD_QUEUES)})
    GROUP BY status`);
  const byStatus = new Map(rows.map((r) => [r.status, r]));
  return DASHBOARD_QUEUES.map((status) => {
    const r = byStatus.get(status);
    const counts = r ? [r.b0, r.b1, r.b2, r.b3] : [0, 0, 0, 0];
    return {
      status,
      total: r?.total ?? 0,
      oldest: r?.oldest ?? null,
      highRisk: r?.highRisk ?? 0,
      flagged: r?.flagged ?? 0,
      byAge: Object.fromEntries(AGE_BUCKETS.map((b, i) => [b, counts[i]!])) as Record<TAgeBucket, number>,
    };
  });
}

export type OpenFlag = { code: string; severity: string; count: number };

/** Risk flags on requests not yet decided, by code, most frequent first. */
export async function openFlags(db: Pick<PrismaClient, "$queryRaw">): Promise<OpenFlag[]> {
  return db.$queryRaw<OpenFlag[]>(Prisma.sql`
    SELECT f->>'code' AS code, f->>'severity' AS severity, count(*)::int AS count
    FROM "ChangeRequest" cr
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(cr."riskFlags") = 'array' THEN cr."riskFlags" ELSE '[]'::jsonb END) AS f
    WHERE cr.status IN (${statusList(UNDECIDED)})
    GROUP BY 1, 2
    ORDER BY CASE f->>'severity' WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, count(*) DESC, 1`);
}
