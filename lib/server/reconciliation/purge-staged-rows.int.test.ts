import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { meta } from "@/test/integration/actors";
import { refusal } from "@/test/integration/outcomes";
import { database } from "@/lib/server/db";
import { generatedFile, reconciliationFixture, stagings, uploadAndRun, useStaging } from "@/test/integration/reconciliation";
import { purgeStagedReconciliationRows } from "./purge-staged-rows";
import { resumeReconciliationRun } from "./resume-run";

const DAY = 86_400_000;
let fixture: Awaited<ReturnType<typeof reconciliationFixture>>;
beforeAll(async () => {
  fixture = await reconciliationFixture();
});
afterEach(async () => {
  const db = await prisma();
  await db.setting.deleteMany({ where: { key: "reconciliation" } });
  await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: false } });
});

async function finishedRun(daysAgo: number) {
  const file = await generatedFile({ rows: 120, mismatchRate: 0.2, seed: daysAgo });
  const run = await uploadAndRun(fixture.auditor, file.path);
  expect(run.outcome).toBe("DONE");
  const row = await (await prisma()).reconciliationRun.update({ where: { id: run.runId }, data: { finishedAt: new Date(Date.now() - daysAgo * DAY) } });
  copiedRanges.set(run.runId, [row.rawSeqFrom, row.rawSeqTo]);
  return run.runId;
}

/** Each run's rows copied as text (decision 045), as they were when it finished: the purge forgets the range. */
const copiedRanges = new Map<string, [bigint | null, bigint | null]>();
async function copiedRows(runId: string) {
  const [from, to] = copiedRanges.get(runId) ?? [null, null];
  if (from === null || to === null) return 0;
  const { sql } = await database();
  return (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReconciliationRawRow" WHERE seq BETWEEN $1 AND $2`, [from.toString(), to.toString()]))[0]!.n;
}

async function stateOf(runId: string) {
  const db = await prisma();
  return {
    run: await db.reconciliationRun.findUniqueOrThrow({ where: { id: runId } }),
    rows: (await db.reconciliationRow.count({ where: { runId } })) + (await copiedRows(runId)),
    groups: await db.reconciliationRowGroup.count({ where: { runId } }),
    findings: await db.reconciliationFinding.count({ where: { runId } }),
    purgeEvents: await db.auditEvent.findMany({ where: { entityId: runId, action: "reconciliation.staged-rows-purged" } }),
  };
}

afterAll(() => useStaging("copied as text"));

describe.each(stagings)("staged rows past their retention, %s", (staging) => {
  beforeAll(() => useStaging(staging));

  it("are deleted once, with one audit event, from finished runs older than the setting; findings stay; the run can no longer be re-run", async () => {
    const old = await finishedRun(91);
    const recent = await finishedRun(89);
    const before = await stateOf(old);
    expect(before.rows).toBe(120);
    expect(before.groups).toBeGreaterThan(0);

    // Two instances at once: each run is purged by exactly one of them.
    const passes = await Promise.all([purgeStagedReconciliationRows(), purgeStagedReconciliationRows()]);
    expect(passes.reduce((n, p) => n + p.purgedRuns, 0)).toBe(1);
    const after = await stateOf(old);
    expect(after).toMatchObject({ rows: 0, groups: 0, findings: before.findings });
    expect(after.run.stagedRowsPurgedAt).not.toBeNull();
    expect(after.run.findingsCount).toBe(before.run.findingsCount);
    expect(after.purgeEvents).toHaveLength(1);
    expect(after.purgeEvents[0]).toMatchObject({ actorId: null, before: { rowsStaged: 120 }, after: { rowsDeleted: 120, keepStagedDays: 90 } });
    expect((await stateOf(recent)).rows).toBe(120);

    expect((await purgeStagedReconciliationRows()).purgedRuns).toBe(0);
    const err = await refusal(resumeReconciliationRun({ actor: fixture.auditor, input: { runId: old, version: after.run.version }, requestMeta: meta() }));
    expect(err.code).toBe("CONFLICT");
    expect(err.fieldErrors).toEqual({ _form: ["validation.reconciliation.stagedRowsPurged"] });
  });

  it("follow the admin's retention setting, and wait while the system is read-only", async () => {
    const runId = await finishedRun(40);
    const db = await prisma();
    await db.setting.create({ data: { key: "reconciliation", value: { keepStagedDays: 60 } } });
    await purgeStagedReconciliationRows();
    expect((await stateOf(runId)).rows).toBe(120);

    await db.setting.update({ where: { key: "reconciliation" }, data: { value: { keepStagedDays: 30 } } });
    await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: true } });
    expect(await purgeStagedReconciliationRows()).toEqual({ purgedRuns: 0, paused: true });
    expect((await stateOf(runId)).rows).toBe(120);

    await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: false } });
    await purgeStagedReconciliationRows();
    expect((await stateOf(runId)).rows).toBe(0);
  });
});
