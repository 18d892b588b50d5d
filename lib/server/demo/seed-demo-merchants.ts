import "server-only";
import { DEMO_MERCHANTS, demoApplication, type DemoMerchant } from "@/lib/domain/demo/demo-merchants";
import { submitApplication } from "@/lib/server/applications/submit-application";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { SYSTEM_META } from "@/lib/server/request-meta";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";

/**
 * Demo merchants for the embedded database, made the way real ones are: submitted by the demo
 * clerk, blind-verified by clerk2, approved by the supervisor. Nothing writes master data directly,
 * so the audit chain, merchant numbers and version history are exactly what production would hold.
 * Every identifier is synthetic but valid (check digits computed by the domain's own functions).
 */

const ROLES_NEEDED = { clerk: "CLERK", clerk2: "CLERK", supervisor: "SUPERVISOR", supervisor2: "SUPERVISOR" } as const;
type DemoActors = Record<keyof typeof ROLES_NEEDED, Actor>;

/** The demo users as actors, or null if any is missing, disabled or no longer in its demo role. */
async function demoActors(): Promise<DemoActors | null> {
  const db = await prisma();
  const users = await db.user.findMany({ where: { username: { in: Object.keys(ROLES_NEEDED) }, disabledAt: null } });
  const actors: Partial<DemoActors> = {};
  for (const [username, role] of Object.entries(ROLES_NEEDED) as [keyof DemoActors, string][]) {
    const u = users.find((x) => x.username === username);
    if (!u || u.role !== role) return null;
    actors[username] = { id: u.id, username: u.username, displayName: u.displayName, role: u.role, locale: u.locale, sessionId: "demo-seed", mfaPassed: true, mfaEnrolled: false, mustChangePassword: false };
  }
  return actors as DemoActors;
}

async function currentState(changeRequestId: string) {
  const db = await prisma();
  return db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId }, select: { status: true, version: true, riskFlags: true } });
}

/** Takes one demo application as far as its stage says, through the real use cases. */
async function runThrough(demo: DemoMerchant, actors: DemoActors) {
  const data = demoApplication(demo);
  const { changeRequestId } = await submitApplication({ actor: actors.clerk, input: { data }, requestMeta: SYSTEM_META });
  if (demo.stage === "submitted") return false;
  const { account, merchant } = data;
  const verifyInput = { changeRequestId, version: 1, creditCode: merchant.creditCode, accountName: account.accountName, accountNo: account.accountNo, cnaps: account.cnaps };
  const verified = await verifyChangeRequest({ actor: actors.clerk2, input: verifyInput, requestMeta: SYSTEM_META });
  if (!verified.matched) throw new Error(`demo merchant ${demo.legalName}: blind verification did not match (${verified.mismatchedFields.join(", ")})`);
  if (demo.stage === "verified") return false;
  // A flagged request is acknowledged; a high-risk one goes on to the second supervisor.
  for (const approver of [actors.supervisor, actors.supervisor2]) {
    const state = await currentState(changeRequestId);
    if (state.status !== "AWAITING_APPROVAL" && state.status !== "AWAITING_SECOND_APPROVAL") break;
    const acknowledgedFlags = ((state.riskFlags as { code: string }[] | null) ?? []).map((f) => f.code);
    await approveChangeRequest({ actor: approver, input: { changeRequestId, version: state.version, acknowledgedFlags }, requestMeta: SYSTEM_META });
  }
  return (await currentState(changeRequestId)).status === "EFFECTIVE";
}

/**
 * Seeds the demo merchants only into a database without any approved merchant, and only when the
 * demo users exist in their demo roles. Returns how many merchants were approved (0 = skipped).
 * Needs the reference data (MCC, bank categories) seeded first.
 */
export async function seedDemoMerchants(): Promise<number> {
  const db = await prisma();
  if ((await db.merchant.count({ where: { version: { gte: 1 } } })) > 0) return 0;
  const actors = await demoActors();
  if (!actors) return 0;
  let approved = 0;
  for (const demo of DEMO_MERCHANTS) if (await runThrough(demo, actors)) approved++;
  return approved;
}
