import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { STALE_AFTER_MS } from "@/lib/server/reconciliation/process-run";
import { generatedFile, mismatchKeys, plantedKeys, reconciliationFixture, uploadAndRun } from "@/test/integration/reconciliation";
import { startApp, type AppProcess } from "./app-process";
import { onPostgres, sessionCookie, useServerDatabase } from "./server-database";

// Decision 019 on a real process: kill -9 the app while it stages an auditor's upload; once the
// heartbeat is stale the restarted app takes the run up again (from the kept file) and reaches the
// same findings as an uninterrupted run of the same file.
const PORT = 3916;
const ROWS = 150_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(onPostgres)("reconciliation run survives kill -9 of the app", () => {
  const database = useServerDatabase();
  let app: AppProcess | undefined;
  afterAll(async () => app?.stop());

  async function runRow(id: string) {
    return database.db.prisma.reconciliationRun.findUniqueOrThrow({ where: { id } });
  }

  async function findings(runId: string) {
    const rows = await database.db.prisma.reconciliationFinding.findMany({ where: { runId } });
    return rows.map((f) => [f.kind, f.terminalId, f.merchantNo, f.merchantId, f.rowCount, String(f.amountFen), f.firstSeenAt.toISOString(), f.lastSeenAt.toISOString(), f.firstLine].join("|")).sort();
  }

  it("resumes after the heartbeat goes stale and finds what an uninterrupted run finds", async () => {
    const fixture = await reconciliationFixture(4);
    const file = await generatedFile({ rows: ROWS, mismatchRate: 0.02, seed: 11 });
    app = await startApp(PORT, { DATABASE_URL: database.url });
    const cookie = await sessionCookie("auditor");

    const upload = await fetch(`${app.base}/reconciliation/upload?name=transactions.csv`, {
      method: "POST",
      headers: { origin: app.base, cookie, "content-type": "text/csv" },
      body: fs.readFileSync(file.path),
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const { runId } = (await upload.json()) as { runId: string };

    // Kill as soon as the worker has staged a first part of the file.
    const until = Date.now() + 60_000;
    let seen = await runRow(runId);
    while (!(seen.status === "STAGING" && seen.rowsStaged > 0) && seen.status !== "DONE" && Date.now() < until) {
      await sleep(50);
      seen = await runRow(runId);
    }
    await app.kill9();
    app = undefined;
    const killed = await runRow(runId);
    expect(killed.status, "killed while staging").toBe("STAGING");
    expect(killed.rowsStaged).toBeLessThan(ROWS);
    expect(await database.db.prisma.reconciliationFinding.count({ where: { runId } })).toBe(0);

    // A live-looking heartbeat keeps the run to its (dead) worker until it is stale.
    const staleAt = killed.heartbeatAt!.getTime() + STALE_AFTER_MS;
    await sleep(Math.max(0, staleAt - Date.now()) + 1_000);
    app = await startApp(PORT, { DATABASE_URL: database.url });

    let run = await runRow(runId);
    const done = Date.now() + 90_000;
    while (run.status !== "DONE" && Date.now() < done) {
      await sleep(500);
      run = await runRow(runId);
    }
    expect(run).toMatchObject({ status: "DONE", rowsStaged: ROWS, rowsRejected: 0, mismatchRows: file.planted.length });
    expect(run.attempts, "taken up a second time").toBe(2);
    expect(await mismatchKeys(runId)).toEqual(plantedKeys(file.planted));

    const uninterrupted = await uploadAndRun(fixture.auditor, file.path);
    expect(uninterrupted.outcome).toBe("DONE");
    expect(await findings(runId)).toEqual(await findings(uninterrupted.runId));
  });
});
