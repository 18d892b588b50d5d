import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ClerkCounts } from "@/lib/domain/dashboard/quality";
import type { MakerCheckerCount } from "@/lib/domain/sampling/collusion-pairs";

/**
 * What happened to each maker's work inside the period, counted in the database: four grouped
 * queries however many merchants there are. The verification and decision rows serve twice —
 * per maker for quality, per (maker, checker) for the collusion statistics.
 */
export async function workCountsSince(db: Pick<PrismaClient, "$queryRaw">, since: Date): Promise<{ clerks: (Partial<ClerkCounts> & { clerkId: string })[]; pairs: MakerCheckerCount[] }> {
  const entries = await db.$queryRaw<{ clerkId: string; entries: number }[]>(Prisma.sql`
    SELECT "makerId" AS "clerkId", count(*)::int AS entries
    FROM "ChangeRequest" WHERE "submittedAt" >= ${since}
    GROUP BY 1`);

  // Every blind re-key attempt, matched or not: each is one check of the maker's work by the verifier.
  const verifications = await db.$queryRaw<{ makerId: string; checkerId: string; checks: number; mismatches: number }[]>(Prisma.sql`
    SELECT cr."makerId", v."verifierId" AS "checkerId", count(*)::int AS checks, count(*) FILTER (WHERE NOT v.matched)::int AS mismatches
    FROM "Verification" v JOIN "ChangeRequest" cr ON cr.id = v."changeRequestId"
    WHERE v.at >= ${since}
    GROUP BY 1, 2`);

  // Supervisor decisions live in the audit trail: a returned request is reopened, so its row no longer says it was returned.
  // These actions are only ever recorded on change requests; also filtering on entity made the planner AND in the
  // (entity, entityId) index over every change-request event.
  const decisions = await db.$queryRaw<{ makerId: string; checkerId: string; action: string; count: number; secondStep: number }[]>(Prisma.sql`
    SELECT cr."makerId", e."actorId" AS "checkerId", e.action, count(*)::int AS count,
           count(*) FILTER (WHERE e.before->>'status' = 'AWAITING_SECOND_APPROVAL')::int AS "secondStep"
    FROM "AuditEvent" e JOIN "ChangeRequest" cr ON cr.id = e."entityId"
    WHERE e.action IN ('change.approved', 'change.rejected', 'change.returned') AND e.at >= ${since} AND e."actorId" IS NOT NULL
    GROUP BY 1, 2, 3`);

  // Unreachable merchants say nothing about the entry: only confirmed or discrepancy outcomes count.
  const spotChecks = await db.$queryRaw<{ clerkId: string; spotChecks: number; discrepancies: number }[]>(Prisma.sql`
    SELECT "makerId" AS "clerkId",
           count(*) FILTER (WHERE outcome IN ('CONFIRMED', 'DISCREPANCY'))::int AS "spotChecks",
           count(*) FILTER (WHERE outcome = 'DISCREPANCY')::int AS discrepancies
    FROM "SpotCheckItem" WHERE status = 'DONE' AND "checkedAt" >= ${since}
    GROUP BY 1`);

  const clerks: (Partial<ClerkCounts> & { clerkId: string })[] = [
    ...entries,
    ...verifications.map((v) => ({ clerkId: v.makerId, verifications: v.checks, mismatches: v.mismatches })),
    ...decisions.map((d) => ({
      clerkId: d.makerId,
      // A high-risk request's second approval is the same verdict confirmed, not a further decision on the clerk's work.
      decisions: d.action === "change.approved" ? d.count - d.secondStep : d.count,
      returns: d.action === "change.returned" ? d.count : 0,
      rejections: d.action === "change.rejected" ? d.count : 0,
    })),
    ...spotChecks,
  ];
  const pairs: MakerCheckerCount[] = [
    ...verifications.map((v) => ({ role: "verifier" as const, makerId: v.makerId, checkerId: v.checkerId, count: v.checks })),
    ...decisions.map((d) => ({ role: "approver" as const, makerId: d.makerId, checkerId: d.checkerId, count: d.count })),
  ];
  return { clerks, pairs };
}
