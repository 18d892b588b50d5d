import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/current-actor";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { prisma } from "@/lib/server/db";
import { createCampaign } from "@/lib/server/spot-checks/create-campaign";
import { recordItemOutcome } from "@/lib/server/spot-checks/record-item-outcome";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { rejectChangeRequest } from "@/lib/server/workflow/reject-change-request";
import { returnChangeRequest } from "@/lib/server/workflow/return-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows } from "@/test/integration/applications";
import { codeOf } from "@/test/integration/outcomes";
import { verifiedRequest } from "@/test/integration/workflow";
import { loadDashboard } from "./load-dashboard";

const requestMeta = meta();
const DAY_MS = 86_400_000;

/**
 * One small office's month: clerk A's work meets a verification mismatch, a return and a
 * rejection; clerk B's approved merchant is found wrong by a spot check; maker M's five requests
 * are all re-keyed by the same clerk V while four other verifiers share sixteen checks of four
 * other makers — the pair (M, V) is far above chance.
 */
let a: Actor, b: Actor, m: Actor, v: Actor, v1: Actor, v2: Actor, s1: Actor, s2: Actor, auditor: Actor, manager: Actor;
let flaggedRequestId: string;

async function decide(fn: typeof returnChangeRequest, actor: Actor, changeRequestId: string, extra: Record<string, string>) {
  const { version } = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
  return fn({ actor, input: { changeRequestId, version, ...extra }, requestMeta });
}

beforeAll(async () => {
  await ensureReferenceRows();
  [a, b, m, v, v1, v2] = (await Promise.all([0, 1, 2, 3, 4, 5].map(() => seedActor("CLERK")))) as [Actor, Actor, Actor, Actor, Actor, Actor];
  [s1, s2] = [await seedActor("SUPERVISOR"), await seedActor("SUPERVISOR")];
  [auditor, manager] = [await seedActor("AUDITOR"), await seedActor("AUDITOR")];

  // A: one re-key with a wrong account number (mismatch → returned)…
  const data = enterpriseApplication();
  const { changeRequestId: mismatched } = await submitApplication({ actor: a, input: { data }, requestMeta });
  await verifyChangeRequest({ actor: v1, input: { changeRequestId: mismatched, version: 1, creditCode: data.merchant.creditCode, accountName: data.account.accountName, accountNo: "6222020000000000", cnaps: data.account.cnaps }, requestMeta });
  // …one returned by a supervisor, one rejected.
  const { request: toReturn } = await verifiedRequest(a, v1);
  await decide(returnChangeRequest, s1, toReturn.id, { comment: "Branch name does not match the bank letter" });
  const { request: toReject } = await verifiedRequest(a, v1);
  await decide(rejectChangeRequest, s1, toReject.id, { reason: "Merchant withdrew the application" });

  // B: approved, then drawn in a spot check that finds a discrepancy.
  const { request: bRequest } = await verifiedRequest(b, v2);
  await approveChangeRequest({ actor: s1, input: { changeRequestId: bRequest.id, version: bRequest.version }, requestMeta });
  const campaign = await createCampaign({
    actor: manager,
    input: { name: "Dashboard check", periodStart: "2026-01-01", periodEnd: "2026-12-31", population: { makerIds: [b.id] }, sizing: { method: "FIXED", sampleSize: 1 }, strategy: "SIMPLE", seed: "dash", auditorIds: [auditor.id] },
    requestMeta,
  });
  const item = await (await prisma()).spotCheckItem.findFirstOrThrow({ where: { campaignId: campaign.campaignId } });
  await recordItemOutcome({
    actor: auditor,
    input: { itemId: item.id, version: item.version, outcome: "DISCREPANCY", checklist: { accountHolderConfirmed: true, accountNumberConfirmed: false, terminalAtAddress: true, contactReachable: true }, note: "Account number differs from the bank letter" },
    requestMeta,
  });

  // The pair: M's five requests all re-keyed by V…
  for (let i = 0; i < 5; i++) await verifiedRequest(m, v);
  // …against sixteen checks spread evenly: four makers × four verifiers, one each.
  const makers = await Promise.all([0, 1, 2, 3].map(() => seedActor("CLERK")));
  const verifiers = await Promise.all([0, 1, 2, 3].map(() => seedActor("CLERK")));
  for (const maker of makers) for (const verifier of verifiers) await verifiedRequest(maker, verifier);

  // An undecided request with a low flag: a contact number in a virtual-operator block.
  const flaggedData = enterpriseApplication();
  flaggedData.merchant.phone = "17012345678";
  ({ changeRequestId: flaggedRequestId } = await submitApplication({ actor: b, input: { data: flaggedData }, requestMeta }));
}, 300_000);

describe("who may open the dashboard", () => {
  it("supervisors and auditors; clerks and admins are refused; nobody signed in is unauthenticated", async () => {
    expect(await codeOf(loadDashboard({ actor: s2, input: {} }))).toBe("OK");
    expect(await codeOf(loadDashboard({ actor: auditor, input: {} }))).toBe("OK");
    expect(await codeOf(loadDashboard({ actor: a, input: {} }))).toBe("FORBIDDEN");
    expect(await codeOf(loadDashboard({ actor: await seedActor("ADMIN"), input: {} }))).toBe("FORBIDDEN");
    expect(await codeOf(loadDashboard({ actor: null, input: {} }))).toBe("UNAUTHENTICATED");
  });

  it("campaign progress and open cases go to the auditor, not to the supervisor, who works neither", async () => {
    const supervisorView = await loadDashboard({ actor: s2, input: {} });
    expect(supervisorView.campaigns).toBeNull();
    expect(supervisorView.cases).toBeNull();
    const auditorView = await loadDashboard({ actor: auditor, input: {} });
    expect(auditorView.campaigns).toEqual([
      expect.objectContaining({ name: "Dashboard check", total: 1, done: 1, stale: 0, examined: 1, discrepancies: 1, unreachable: 0 }),
    ]);
    expect(auditorView.campaigns![0]!.wilson95!.estimate).toBe(1);
    expect(auditorView.cases).toEqual(expect.any(Array));
  });
});

describe("queues, ageing and open flags", () => {
  it("counts each open queue with its oldest request and age buckets", async () => {
    const { queues } = await loadDashboard({ actor: s2, input: {} });
    const byStatus = Object.fromEntries(queues.map((q) => [q.status, q]));
    // 5 (M) + 16 (background) verified and waiting; A's mismatch and return; the flagged one unverified.
    expect(byStatus.AWAITING_APPROVAL).toMatchObject({ total: 21, highRisk: 0, byAge: { underOneDay: 21, oneToThreeDays: 0, threeToSevenDays: 0, overSevenDays: 0 } });
    expect(byStatus.RETURNED).toMatchObject({ total: 2 });
    expect(byStatus.AWAITING_VERIFICATION).toMatchObject({ total: 1, flagged: 1 });
    expect(byStatus.AWAITING_SECOND_APPROVAL).toMatchObject({ total: 0, oldest: null });
    const db = await prisma();
    const oldestReturned = await db.changeRequest.findFirstOrThrow({ where: { status: "RETURNED" }, orderBy: { submittedAt: "asc" } });
    expect(byStatus.RETURNED!.oldest).toEqual(oldestReturned.submittedAt);
  });

  it("moves requests into older buckets as time passes", async () => {
    const later = await loadDashboard({ actor: s2, input: {}, now: new Date(Date.now() + 4 * DAY_MS) });
    const waiting = later.queues.find((q) => q.status === "AWAITING_APPROVAL")!;
    expect(waiting.byAge).toEqual({ underOneDay: 0, oneToThreeDays: 0, threeToSevenDays: 21, overSevenDays: 0 });
  });

  it("lists the flags of undecided requests by code", async () => {
    const { flags } = await loadDashboard({ actor: s2, input: {} });
    expect(flags).toContainEqual({ code: "MVNO_CONTACT_NUMBER", severity: "low", count: 1 });
    const request = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: flaggedRequestId } });
    const onRequest = (request.riskFlags as { code: string }[]).map((f) => f.code).sort();
    expect(flags.map((f) => f.code).sort()).toEqual(onRequest);
  });
});

describe("per-clerk quality", () => {
  it("counts the mismatch, the return and the rejection for A, and the spot-check discrepancy for B", async () => {
    const { quality } = await loadDashboard({ actor: s2, input: {} });
    const row = (actor: Actor) => quality.rows.find((r) => r.clerkId === actor.id)!;
    expect(row(a)).toMatchObject({ entries: 3, verifications: 3, mismatches: 1, decisions: 2, returns: 1, rejections: 1, spotChecks: 0, discrepancies: 0 });
    expect(row(a).mismatchRate).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(row(a).returnRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(row(a).rejectionRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(row(a).discrepancyRate.value).toBeNull();
    expect(row(b)).toMatchObject({ entries: 2, verifications: 1, mismatches: 0, decisions: 1, returns: 0, rejections: 0, spotChecks: 1, discrepancies: 1 });
    expect(row(b).discrepancyRate.value).toBe(1);
    expect(row(m)).toMatchObject({ entries: 5, verifications: 5, mismatches: 0, decisions: 0 });
    expect(row(a)).toMatchObject({ name: "Test CLERK", username: a.username });
    // The verifiers appear too, with nothing of their own entered.
    expect(row(v)).toMatchObject({ entries: 0, verifications: 0 });
    // B's discrepancy rate (100 %) is the worst, then A's 50 %.
    expect(quality.rows.slice(0, 2).map((r) => r.clerkId)).toEqual([b.id, a.id]);
    expect(quality.team).toMatchObject({ entries: 3 + 2 + 5 + 16, verifications: 3 + 1 + 5 + 16, mismatches: 1, returns: 1, rejections: 1, discrepancies: 1 });
  });

  it("sorts by the chosen column", async () => {
    const { quality, query } = await loadDashboard({ actor: s2, input: { sort: "entries", period: "30" } });
    expect(query).toEqual({ sort: "entries", period: 30 });
    expect(quality.rows[0]!.clerkId).toBe(m.id);
  });

  it("counts only what happened inside the period", async () => {
    const { quality, pairs } = await loadDashboard({ actor: s2, input: { period: "30" }, now: new Date(Date.now() + 40 * DAY_MS) });
    expect(quality.team).toMatchObject({ entries: 0, verifications: 0, decisions: 0, spotChecks: 0 });
    expect(pairs.tested).toBe(0);
  });
});

describe("maker–checker pairs", () => {
  it("flags M and V with the numbers behind it, and nothing else", async () => {
    const { pairs } = await loadDashboard({ actor: s2, input: {} });
    expect(pairs.flagged).toBe(1);
    const flagged = pairs.rows[0]!;
    // V did 5 of the 25 verifications by people other than M: share 0.2, so 5 × 0.2 = 1 expected, 5 seen.
    expect(flagged).toMatchObject({ role: "verifier", makerId: m.id, checkerId: v.id, observed: 5, makerTotal: 5, checkerTotal: 5, eligibleTotal: 25, flagged: true });
    expect(flagged.checkerShare).toBeCloseTo(0.2, 12);
    expect(flagged.expected).toBeCloseTo(1, 12);
    expect(flagged.ratio).toBeCloseTo(5, 12);
    expect(flagged.pValue).toBeCloseTo(0.2 ** 5, 12);
    expect(flagged.tests).toEqual({ improbable: true, enoughChecks: true, farAboveChance: true });
    // A's three checks by V1: above chance but neither improbable enough nor enough of them.
    const aV1 = pairs.rows.find((p) => p.makerId === a.id && p.checkerId === v1.id)!;
    expect(aV1).toMatchObject({ observed: 3, flagged: false, tests: { improbable: false, enoughChecks: false, farAboveChance: true } });
    expect(pairs.rows.filter((p) => p.flagged)).toHaveLength(1);
  });
});
