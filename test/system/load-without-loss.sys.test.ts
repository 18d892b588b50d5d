import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { startApp, type AppProcess } from "./app-process";
import { onPostgres, sessionCookie, useServerDatabase } from "./server-database";
import { serverErrors, submitApplications } from "./submissions";

// Issue 8 suite 5: 10,000 submissions through HTTP at 200 concurrent connections lose nothing.
const SUBMISSIONS = Number(process.env.SYSTEM_LOAD_SUBMISSIONS ?? 10_000);
const CONCURRENCY = Number(process.env.SYSTEM_LOAD_CONCURRENCY ?? 200);

describe.runIf(onPostgres)(`load without loss: ${SUBMISSIONS} submissions at ${CONCURRENCY} concurrent connections`, () => {
  const database = useServerDatabase();
  let app: AppProcess | undefined;
  afterAll(async () => app?.stop());

  it("stores every submission once with its audit event, answers no 5xx, and the chain verifies", async () => {
    app = await startApp(3911, { DATABASE_URL: database.url });
    const cookie = await sessionCookie("clerk");
    const run = await submitApplications(app.base, cookie, SUBMISSIONS, CONCURRENCY);

    expect(serverErrors(run.statuses), `statuses ${JSON.stringify(run.statuses)}\n${app.output()}`).toBe(0);
    expect(run.statuses).toEqual({ "201": SUBMISSIONS });
    expect(new Set(run.acknowledged).size).toBe(SUBMISSIONS);

    const prisma = database.db.prisma;
    expect(await prisma.changeRequest.count()).toBe(SUBMISSIONS);
    expect(await prisma.changeRequest.count({ where: { id: { in: run.acknowledged.slice(0, 5_000) } } })).toBe(Math.min(SUBMISSIONS, 5_000));
    expect(await prisma.auditEvent.count({ where: { action: "change.submitted" } })).toBe(SUBMISSIONS);
    const verdict = await verifyAuditChain(prisma);
    expect(verdict.intact, JSON.stringify(verdict, (_, v) => (typeof v === "bigint" ? v.toString() : v))).toBe(true);
  }, 1_200_000);
});
