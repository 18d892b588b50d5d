import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database } from "@/lib/server/db";
import { generatedFile, mismatchKeys, plantedKeys, reconciliationFixture, uploadAndRun, useStaging } from "@/test/integration/reconciliation";
import { compareRows, type CompareProgress } from "./compare-rows";

let fixture: Awaited<ReturnType<typeof reconciliationFixture>>;
beforeAll(async () => {
  fixture = await reconciliationFixture();
  // Row by row needs parsed staged rows: a plain run's copied rows are only grouped (decision 045).
  useStaging("read by the app");
});
afterAll(() => useStaging("copied as text"));

describe("comparison in chunks, several at once", () => {
  it.each([
    ["row by row", { changes: null }],
    ["in groups", {}],
  ] as const)("finds exactly what one chunk finds, %s, reporting progress that only grows", async (_, mode) => {
    const file = await generatedFile({ rows: 400, mismatchRate: 0.2, seed: 7 });
    const run = await uploadAndRun(fixture.auditor, file.path);
    expect(await mismatchKeys(run.runId)).toEqual(plantedKeys(file.planted));

    const { sql } = await database();
    const reports: CompareProgress[] = [];
    const result = await compareRows(sql, run.runId, (p) => void reports.push(p), { ...mode, chunkGroups: 37, concurrency: 3 });
    expect(await mismatchKeys(run.runId)).toEqual(plantedKeys(file.planted));
    expect(result).toEqual({ rowsCompared: 400, mismatchRows: new Set(file.planted.map((p) => p.line)).size });
    // One report per chunk of 37 group numbers (row by row, a group per row: 400 of them).
    const [groups] = await sql.query<{ n: number; last: number }>(`SELECT count(*)::int AS n, max("groupNo") AS last FROM "ReconciliationRowGroup" WHERE "runId" = $1`, [run.runId]);
    if ("changes" in mode) expect(groups).toEqual({ n: 400, last: 400 });
    else expect(groups!.n).toBeLessThan(400);
    expect(reports).toHaveLength(Math.ceil(groups!.last / 37));
    for (let i = 1; i < reports.length; i++) expect(reports[i]!.rowsCompared).toBeGreaterThan(reports[i - 1]!.rowsCompared);
    expect(reports.at(-1)).toEqual(result);
  });

  it("stops at the first failure and answers only when no chunk is still writing", async () => {
    const file = await generatedFile({ rows: 400, mismatchRate: 0.2, seed: 8 });
    const run = await uploadAndRun(fixture.auditor, file.path);
    const { sql } = await database();
    let reports = 0;
    const failing = compareRows(sql, run.runId, () => {
      if (++reports === 2) throw new Error("read-only now");
    }, { changes: null, chunkGroups: 37, concurrency: 3 });
    await expect(failing).rejects.toThrow("read-only now");
    const mismatching = `FROM "ReconciliationRowGroup" WHERE "runId" = $1 AND cardinality(kinds) > 0`;
    const count = async () => (await sql.query<{ n: number }>(`SELECT count(*)::int AS n ${mismatching}`, [run.runId]))[0]!.n;
    const atFailure = await count();
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(atFailure);
    // No report after the failing one, and no chunk begun after it: the two reported and at most
    // two still under way when it failed (three at once), of the 11 chunks there are (a group per row).
    expect(reports).toBe(2);
    const groups = await sql.query<{ groupNo: number }>(`SELECT "groupNo" ${mismatching}`, [run.runId]);
    const chunks = new Set(groups.map((g) => Math.floor((g.groupNo - 1) / 37)));
    expect(chunks.size).toBeGreaterThanOrEqual(2);
    expect(chunks.size).toBeLessThanOrEqual(4);
  });
});
