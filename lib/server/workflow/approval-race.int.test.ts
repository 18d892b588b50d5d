import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import type { Actor } from "@/lib/server/auth/current-actor";
import { database, prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { verifiedRequest } from "@/test/integration/workflow";
import { approveChangeRequest } from "./approve-change-request";

const SUPERVISORS = 5;

/** The first thing one would write: read, check the status, update by id. */
async function naiveApprove(tx: Prisma.TransactionClient, actor: Actor, changeRequestId: string) {
  const request = await tx.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
  if (request.status !== "AWAITING_APPROVAL") throw new UseCaseError("CONFLICT");
  await new Promise((r) => setTimeout(r, 2));
  await tx.changeRequest.update({ where: { id: changeRequestId }, data: { status: "EFFECTIVE", approverId: actor.id } });
  await recordAuditEvent(tx, { action: "change.approved", entity: "change-request", entityId: changeRequestId, before: { status: request.status }, after: { status: "EFFECTIVE", merchantId: request.merchantId, merchantVersion: null, acknowledgedFlags: [] } }, actor, meta());
}

let requestCount = 20;
let supervisors: Actor[] = [];
let maker: Actor;
let verifier: Actor;

beforeAll(async () => {
  // The full 200 × 5 runs where races are real: on a PostgreSQL server. PGlite runs one transaction at a time.
  requestCount = (await database()).engine === "postgres" ? 200 : 20;
  await ensureReferenceRows();
  [maker, verifier] = [await seedActor("CLERK"), await seedActor("CLERK")];
  supervisors = await Promise.all(Array.from({ length: SUPERVISORS }, () => seedActor("SUPERVISOR")));
}, 600_000);

async function prepare(n: number) {
  const requests = [];
  for (let i = 0; i < n; i++) requests.push((await verifiedRequest(maker, verifier)).request);
  return requests;
}

describe("concurrent approvals", () => {
  it(`each request approved by ${SUPERVISORS} supervisors at once: exactly one approval, the rest conflicts`, async () => {
    const requests = await prepare(requestCount);
    const outcomes = await Promise.allSettled(
      requests.flatMap((r) => supervisors.map((s) => approveChangeRequest({ actor: s, input: { changeRequestId: r.id, version: r.version }, requestMeta: meta() }))),
    );
    const unexpected = outcomes.flatMap((o) => (o.status === "rejected" && !(o.reason instanceof UseCaseError) ? [String(o.reason).slice(0, 200)] : []));
    expect(unexpected.slice(0, 3)).toEqual([]);
    const approved = outcomes.filter((o) => o.status === "fulfilled").length;
    const conflicts = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof UseCaseError && o.reason.code === "CONFLICT").length;
    expect({ approved, conflicts, other: outcomes.length - approved - conflicts }).toEqual({ approved: requestCount, conflicts: requestCount * (SUPERVISORS - 1), other: 0 });
    const db = await prisma();
    const ids = requests.map((r) => r.id);
    expect(await db.auditEvent.count({ where: { action: "change.approved", entityId: { in: ids } } })).toBe(requestCount);
    expect(await db.merchantVersion.count({ where: { merchantId: { in: requests.map((r) => r.merchantId) } } })).toBe(requestCount);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  }, 600_000);

  it("the naive read-then-update variant approves some requests more than once (so the test above can fail)", async () => {
    if ((await database()).engine !== "postgres") return; // one transaction at a time: nothing to race
    const requests = await prepare(20);
    const db = await prisma();
    await Promise.allSettled(requests.flatMap((r) => supervisors.map((s) => db.$transaction((tx) => naiveApprove(tx, s, r.id), { timeout: 60_000, maxWait: 60_000 }))));
    const events = await db.auditEvent.count({ where: { action: "change.approved", entityId: { in: requests.map((r) => r.id) } } });
    expect(events).toBeGreaterThan(requests.length);
  }, 600_000);
});
