import "server-only";
import { pairsToShow, pairTests } from "@/lib/domain/dashboard/pairs";
import { mergeCounts, qualityRows, sortQualityRows, teamRow } from "@/lib/domain/dashboard/quality";
import { periodStart, ZDashboardQuerySchema } from "@/lib/domain/dashboard/query";
import { hasPermission } from "@/lib/domain/permissions";
import { DEFAULT_COLLUSION_THRESHOLDS, findUnusualMakerCheckerPairs } from "@/lib/domain/sampling/collusion-pairs";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { openCampaignProgress, openCaseFigures } from "./auditor-figures";
import { openFlags, queueFigures } from "./queue-figures";
import { workCountsSince } from "./work-counts";

const PAIRS_SHOWN = 10;

/**
 * Everything the dashboard shows, role-aware: queues, flags, per-clerk quality and unusual
 * maker–checker pairs for everyone who may view it; campaign progress and open cases only for
 * roles who work them (spot-check managers, case triage), so nobody is shown work they cannot open.
 */
export async function loadDashboard({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }) {
  authorize(actor, "dashboard:view");
  const query = parseInput(ZDashboardQuerySchema, input);
  const db = await prisma();
  const since = periodStart(now, query.period);

  const [queues, flags, work] = await Promise.all([queueFigures(db, now), openFlags(db), workCountsSince(db, since)]);
  const showCampaigns = hasPermission(actor.role, "spotcheck:manage");
  const showCases = hasPermission(actor.role, "case:triage");
  const [campaigns, cases] = await Promise.all([showCampaigns ? openCampaignProgress(db) : null, showCases ? openCaseFigures(db) : null]);

  const allPairs = findUnusualMakerCheckerPairs(work.pairs);
  const shownPairs = pairsToShow(allPairs, PAIRS_SHOWN);

  // Every active clerk appears, even with nothing in the period; staff tables are small.
  const activeClerks = await db.user.findMany({ where: { role: "CLERK", disabledAt: null }, select: { id: true } });
  const counts = mergeCounts([...activeClerks.map((c) => ({ clerkId: c.id })), ...work.clerks]);
  const rows = sortQualityRows(qualityRows(counts), query.sort);

  const ids = new Set([...counts.map((c) => c.clerkId), ...shownPairs.flatMap((p) => [p.makerId, p.checkerId])]);
  const users = await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true, username: true } });
  const userOf = new Map(users.map((u) => [u.id, u]));
  const name = (id: string) => userOf.get(id)?.displayName ?? id;
  const username = (id: string) => userOf.get(id)?.username ?? id;

  return {
    query,
    since,
    now,
    queues,
    flags,
    quality: { rows: rows.map((r) => ({ ...r, name: name(r.clerkId), username: username(r.clerkId) })), team: teamRow(counts) },
    pairs: {
      thresholds: DEFAULT_COLLUSION_THRESHOLDS,
      tested: allPairs.length,
      flagged: allPairs.filter((p) => p.flagged).length,
      rows: shownPairs.map((p) => ({ ...p, makerName: name(p.makerId), makerUsername: username(p.makerId), checkerName: name(p.checkerId), checkerUsername: username(p.checkerId), tests: pairTests(p) })),
    },
    campaigns,
    cases,
  };
}

export type TDashboard = Awaited<ReturnType<typeof loadDashboard>>;
