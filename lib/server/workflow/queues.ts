import "server-only";
import { CORRECTION_CASE_KINDS } from "@/lib/domain/cases/case-lifecycle";
import { isStatusChange } from "@/lib/domain/workflow/change-request-machine";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

const QUEUE_LIMIT = 200;

/** Oldest first; the clerk's own entries are not theirs to verify and are left out. */
export async function listVerificationQueue(actor: Actor | null) {
  authorize(actor, "change:verify");
  const db = await prisma();
  const rows = await db.changeRequest.findMany({
    where: { status: "AWAITING_VERIFICATION", makerId: { not: actor.id } },
    orderBy: { submittedAt: "asc" },
    take: QUEUE_LIMIT,
    select: { id: true, reference: true, kind: true, merchantType: true, submittedAt: true, version: true },
  });
  return { requests: rows, total: await db.changeRequest.count({ where: { status: "AWAITING_VERIFICATION", makerId: { not: actor.id } } }) };
}

/** Oldest first with risk; requests the supervisor may not decide (own entry or verification) are marked, not hidden. */
export async function listApprovalQueue(actor: Actor | null) {
  authorize(actor, "change:approve");
  const db = await prisma();
  const where = { status: { in: ["AWAITING_APPROVAL" as const, "AWAITING_SECOND_APPROVAL" as const] } };
  const rows = await db.changeRequest.findMany({
    where,
    orderBy: { submittedAt: "asc" },
    take: QUEUE_LIMIT,
    select: { id: true, reference: true, kind: true, status: true, legalName: true, merchantType: true, accountLast4: true, submittedAt: true, version: true, highRisk: true, riskFlags: true, findings: true, makerId: true, verifierId: true, approverId: true },
  });
  return {
    total: await db.changeRequest.count({ where }),
    requests: rows.map(({ makerId, verifierId, approverId, riskFlags, findings, ...r }) => ({
      ...r,
      flagCount: ((riskFlags as unknown[] | null) ?? []).length + ((findings as unknown[] | null) ?? []).length,
      mayDecide: actor.id !== makerId && actor.id !== verifierId && actor.id !== approverId,
      statusChange: isStatusChange(r.kind),
    })),
  };
}

/** The maker's requests that came back to them for correction, oldest first. */
export async function listReturnedToMe(actor: Actor | null) {
  authorize(actor, "change:submit");
  const db = await prisma();
  return db.changeRequest.findMany({
    where: { status: "RETURNED", makerId: actor.id },
    orderBy: { submittedAt: "asc" },
    take: QUEUE_LIMIT,
    select: { id: true, reference: true, legalName: true, accountLast4: true, mismatchedFields: true, decisionNote: true, updatedAt: true },
  });
}

/** What waits on this user, for the navigation counts and the home screen. */
export async function workCounts(actor: Actor) {
  const db = await prisma();
  const counts: Record<string, number> = {};
  if (actor.role === "CLERK") {
    counts.toVerify = await db.changeRequest.count({ where: { status: "AWAITING_VERIFICATION", makerId: { not: actor.id } } });
    counts.returned = await db.changeRequest.count({ where: { status: "RETURNED", makerId: actor.id } });
    counts.drafts = await db.applicationDraft.count({ where: { makerId: actor.id, submittedAt: null } });
    counts.toConfirm = await db.changeRequest.count({ where: { status: "PENDING_CONFIRMATION", makerId: { not: actor.id } } });
    // Correction cases no clerk has yet made a change request for.
    counts.corrections = await db.case.count({ where: { kind: { in: [...CORRECTION_CASE_KINDS] }, status: { in: ["OPEN", "TRIAGED"] } } });
  }
  if (actor.role === "AUDITOR") {
    counts.openCases = await db.case.count({ where: { status: "OPEN" } });
  }
  if (actor.role === "SUPERVISOR") {
    counts.toApprove = await db.changeRequest.count({
      // Spelled with OR-null: NOT (x = id) is NULL, not true, when x is NULL.
      where: {
        status: { in: ["AWAITING_APPROVAL", "AWAITING_SECOND_APPROVAL"] },
        makerId: { not: actor.id },
        AND: [{ OR: [{ verifierId: null }, { verifierId: { not: actor.id } }] }, { OR: [{ approverId: null }, { approverId: { not: actor.id } }] }],
      },
    });
  }
  return counts;
}
