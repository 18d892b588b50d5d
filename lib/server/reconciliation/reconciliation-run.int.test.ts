import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLUMNS } from "@/lib/domain/reconciliation/header";
import { PAYEE_KEY_MAP, payeeKey, payeeKeySql } from "@/lib/domain/reconciliation/payee-key";
import { database } from "@/lib/server/db";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { meta, seedActor } from "@/test/integration/actors";
import { luhnCard } from "@/test/integration/applications";
import { generatedFile, loseStagedRows, mismatchKeys, plantedKeys, reconciliationFixture, stagedRowCount, stagings, uploadAndRun, useStaging, writeCsv } from "@/test/integration/reconciliation";
import { processRun } from "./process-run";
import { resumeReconciliationRun } from "./resume-run";
import { removeRunFile, runFileExists } from "./run-file";
import { startReconciliationRun } from "./start-run";

let fixture: Awaited<ReturnType<typeof reconciliationFixture>>;

beforeAll(async () => {
  fixture = await reconciliationFixture();
});

async function runRow(runId: string) {
  return (await prisma()).reconciliationRun.findUniqueOrThrow({ where: { id: runId } });
}

afterAll(() => useStaging("copied as text"));

describe.each(stagings)("reconciliation run, %s: planted mismatches", (staging) => {
  beforeAll(() => useStaging(staging));

  it.each(["utf-8", "gb18030"] as const)("finds every planted mismatch and nothing else (%s)", async (encoding) => {
    const file = await generatedFile({ rows: 3000, mismatchRate: 0.1, encoding, seed: encoding === "utf-8" ? 1 : 2 });
    const run = await uploadAndRun(fixture.auditor, file.path);
    expect(run.outcome).toBe("DONE");
    expect(await mismatchKeys(run.runId)).toEqual(plantedKeys(file.planted));
    const row = await runRow(run.runId);
    expect(row).toMatchObject({ status: "DONE", encoding, rowsStaged: 3000, rowsRejected: 0, rowsCompared: 3000, mismatchRows: file.planted.length });
    expect(Number(row.bytesRead)).toBe(fs.statSync(file.path).size);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Findings group by kind, terminal and merchant number: their counts add up to the planted rows.
    const findings = await (await prisma()).reconciliationFinding.findMany({ where: { runId: run.runId } });
    expect(findings.reduce((n, f) => n + f.rowCount, 0)).toBe(file.planted.length);
    expect(row.findingsCount).toBe(findings.length);
    expect(new Set(findings.map((f) => f.kind)).size).toBe(5);
    // Staged and kept only while needed: the file (full accounts possible) is gone once staged.
    expect(runFileExists(run.runId)).toBe(false);
    const audit = await (await prisma()).auditEvent.findMany({ where: { entityId: run.runId }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["reconciliation.run-started", "reconciliation.run-completed"]);
    // Only a plain UTF-8 file is copied as text; a GB18030 one is read by the app.
    expect(row.rawSeqFrom !== null).toBe(staging === "copied as text" && encoding === "utf-8");
  });
});

describe("reconciliation run: upload, staging, comparison", () => {

  it("refuses a file with a full card number: nothing staged, the file removed, the refusal audited", async () => {
    const good = await generatedFile({ rows: 6000, mismatchRate: 0 });
    const lines = fs.readFileSync(good.path, "utf8").trimEnd().split("\r\n");
    const pan = luhnCard("622848");
    lines.push(lines[1]!.replace(/,[^,]*$/, `,${pan}`)); // the reference column holds a card number
    const run = await uploadAndRun(fixture.auditor, writeCsv(lines));
    expect(run.outcome).toBe("REFUSED");
    const row = await runRow(run.runId);
    expect(row).toMatchObject({ status: "REFUSED", refusalKey: "reconciliation.file.panFound", rowsStaged: 0, rowsRejected: 0 });
    expect(row.refusalDetail).toMatchObject({ line: 6002, columns: ["reference"] });
    const db = await prisma();
    expect(await stagedRowCount(run.runId)).toBe(0);
    expect(await db.reconciliationFinding.count({ where: { runId: run.runId } })).toBe(0);
    expect(runFileExists(run.runId)).toBe(false);
    const events = await db.auditEvent.findMany({ where: { entityId: run.runId }, select: { action: true, before: true, after: true }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["reconciliation.run-started", "reconciliation.run-refused"]);
    expect(JSON.stringify(events)).not.toContain(pan);
  });

  it("lists malformed rows with their line numbers; staged + rejected = rows", async () => {
    const good = await generatedFile({ rows: 20, mismatchRate: 0 });
    const lines = fs.readFileSync(good.path, "utf8").trimEnd().split("\r\n");
    lines[3] = lines[3]!.replace(/,[^,]*,([^,]*)$/, ",12.345,$1"); // bad amount on line 4
    lines[7] = "2026-02-30 10:00:00,ABC"; // too few fields on line 8
    const run = await uploadAndRun(fixture.auditor, writeCsv(lines));
    expect(run.outcome).toBe("DONE");
    const row = await runRow(run.runId);
    expect(row.rowsStaged + row.rowsRejected).toBe(20);
    const rejected = await (await prisma()).reconciliationRejectedRow.findMany({ where: { runId: run.runId }, orderBy: { lineNumber: "asc" } });
    expect(rejected.map((r) => [r.lineNumber, r.reasonKey])).toEqual([[4, "reconciliation.row.badAmount"], [8, "reconciliation.row.tooFewFields"]]);
  });

  it("compares a full settlement account by blind index and keeps no full number", async () => {
    const db = await prisma();
    const account = await db.receivingAccount.findFirstOrThrow({ where: { merchantId: fixture.merchantIds[0], status: "IN_FORCE" } });
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: fixture.merchantIds[0] } });
    const terminal = await db.terminalBinding.findFirstOrThrow({ where: { merchantId: merchant.id } });
    const other = `${"6".repeat(15)}${account.accountLast4}`; // same last 4, a different account
    const at = new Date(Date.now() - 86_400_000).toISOString();
    const run = await uploadAndRun(fixture.auditor, writeCsv([COLUMNS.join(","), `${at},${terminal.terminalId},${merchant.merchantNo},${merchant.receiptName ?? merchant.legalName},${other},10.00,000000000001`]));
    expect(run.outcome).toBe("DONE");
    expect(await mismatchKeys(run.runId)).toEqual(["2:ACCOUNT_DIFFERS"]);
    const staged = await db.reconciliationRow.findFirstOrThrow({ where: { runId: run.runId } });
    expect(JSON.stringify(staged, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(other);
  });

  it("stages names and references exactly as read, backslashes and tabs included", async () => {
    const db = await prisma();
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: fixture.merchantIds[1] } });
    const terminal = await db.terminalBinding.findFirstOrThrow({ where: { merchantId: merchant.id } });
    const at = new Date(Date.now() - 86_400_000).toISOString();
    const payee = "Back\\slash \\N Trading";
    const run = await uploadAndRun(fixture.auditor, writeCsv([COLUMNS.join(","), `${at},${terminal.terminalId},${merchant.merchantNo},"${payee}\t(HK)",****1234,10.00,ref\\N\\t1`]));
    expect(run.outcome).toBe("DONE");
    const staged = await db.reconciliationRow.findFirstOrThrow({ where: { runId: run.runId } });
    expect([staged.payeeName, staged.reference, staged.accountHash]).toEqual([`${payee} (HK)`, "ref\\N\\t1", null]);
    expect(staged.payeeKey).toBe(payeeKey(staged.payeeName));
  });

  it("computes the payee key in SQL exactly as in TypeScript", async () => {
    const names = ["  ＡＢＣ　Trading   Co（上海）  ", "HK Golden\u00A0TRADING", "上海\u200B鑫达\uFEFF", "\t个体户 王五\u3000", "Ｍｉｘｅｄ ＣＡＳＥ ｌｔｄ."];
    const { sql } = await database();
    const rows = await sql.query<{ k: string }>(`SELECT ${payeeKeySql("n", "$2", "$3")} AS k FROM unnest($1::text[]) WITH ORDINALITY AS x(n, i) ORDER BY i`, [names, PAYEE_KEY_MAP.from, PAYEE_KEY_MAP.to]);
    expect(rows.map((r) => r.k)).toEqual(names.map(payeeKey));
  });

  it("refuses other roles", async () => {
    for (const role of ["CLERK", "SUPERVISOR", "ADMIN"] as const) {
      const actor = await seedActor(role);
      await expect(startReconciliationRun({ actor, input: { fileName: "x.csv" }, body: fs.createReadStream(writeCsv(["a"])), requestMeta: meta() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(startReconciliationRun({ actor: null, input: { fileName: "x.csv" }, body: null, requestMeta: meta() })).rejects.toBeInstanceOf(UseCaseError);
  });
});

describe.each(stagings)("reconciliation run, %s: all or nothing, resumable", (staging) => {
  beforeAll(() => useStaging(staging));

  it("an interrupted staging leaves no findings; resuming finds the same as an uninterrupted run", async () => {
    const file = await generatedFile({ rows: 12_000, mismatchRate: 0.05, seed: 7 });
    let batches = 0;
    await expect(uploadAndRun(fixture.auditor, file.path, { afterBatch: () => { if (++batches === 2) throw new Error("killed"); } })).rejects.toThrow("killed");
    const runs = await (await prisma()).reconciliationRun.findMany({ orderBy: { startedAt: "desc" }, take: 1 });
    const run = runs[0]!;
    expect(run.status).toBe("STAGING");
    expect(await (await prisma()).reconciliationFinding.count({ where: { runId: run.id } })).toBe(0);
    expect(runFileExists(run.id)).toBe(true);

    await resumeReconciliationRun({ actor: fixture.auditor, input: { runId: run.id, version: run.version }, requestMeta: meta() });
    expect(await processRun(run.id)).toBe("DONE");
    expect(await mismatchKeys(run.id)).toEqual(plantedKeys(file.planted));
    expect(await runRow(run.id)).toMatchObject({ status: "DONE", rowsStaged: 12_000, rowsRejected: 0 });
  });

  it("an interrupted comparison leaves no findings; resuming compares again", async () => {
    const file = await generatedFile({ rows: 500, mismatchRate: 0.1, seed: 9 });
    await expect(uploadAndRun(fixture.auditor, file.path, { beforeFinish: () => { throw new Error("killed"); } })).rejects.toThrow("killed");
    const run = (await (await prisma()).reconciliationRun.findMany({ orderBy: { startedAt: "desc" }, take: 1 }))[0]!;
    expect(run.status).toBe("COMPARING");
    expect(await (await prisma()).reconciliationFinding.count({ where: { runId: run.id } })).toBe(0);
    await resumeReconciliationRun({ actor: fixture.auditor, input: { runId: run.id, version: run.version }, requestMeta: meta() });
    expect(await processRun(run.id)).toBe("DONE");
    expect(await mismatchKeys(run.id)).toEqual(plantedKeys(file.planted));
  });

  it("staged rows the database lost (unlogged: a crash empties them) are staged again from the file, which stays until the findings are written", async () => {
    const file = await generatedFile({ rows: 500, mismatchRate: 0.1, seed: 12 });
    await expect(uploadAndRun(fixture.auditor, file.path, { beforeFinish: () => { throw new Error("killed"); } })).rejects.toThrow("killed");
    const run = (await (await prisma()).reconciliationRun.findMany({ orderBy: { startedAt: "desc" }, take: 1 }))[0]!;
    expect(run).toMatchObject({ status: "COMPARING", rowsStaged: 500 });
    expect(runFileExists(run.id)).toBe(true);
    await loseStagedRows(run.id, true);
    await resumeReconciliationRun({ actor: fixture.auditor, input: { runId: run.id, version: run.version }, requestMeta: meta() });
    expect(await processRun(run.id)).toBe("DONE");
    expect(await mismatchKeys(run.id)).toEqual(plantedKeys(file.planted));
    expect(await runRow(run.id)).toMatchObject({ status: "DONE", rowsStaged: 500, rowsCompared: 500, mismatchRows: file.planted.length });
    expect(runFileExists(run.id)).toBe(false);
  });

  it("staged rows lost when the file is gone too: the run fails, saying to upload again, and keeps nothing", async () => {
    const file = await generatedFile({ rows: 200, mismatchRate: 0.1, seed: 13 });
    await expect(uploadAndRun(fixture.auditor, file.path, { beforeFinish: () => { throw new Error("killed"); } })).rejects.toThrow("killed");
    const run = (await (await prisma()).reconciliationRun.findMany({ orderBy: { startedAt: "desc" }, take: 1 }))[0]!;
    await loseStagedRows(run.id);
    removeRunFile(run.id);
    await resumeReconciliationRun({ actor: fixture.auditor, input: { runId: run.id, version: run.version }, requestMeta: meta() });
    expect(await processRun(run.id)).toBe("FAILED");
    expect(await runRow(run.id)).toMatchObject({ status: "FAILED", refusalKey: "reconciliation.run.stagedRowsLost", rowsStaged: 0 });
    const db = await prisma();
    expect(await db.reconciliationRowGroup.count({ where: { runId: run.id } })).toBe(0);
    expect(await db.reconciliationFinding.count({ where: { runId: run.id } })).toBe(0);
  });

  it("a finished run whose staged rows the database lost is not re-run: its findings stay, and the auditor is told to upload again", async () => {
    const file = await generatedFile({ rows: 200, mismatchRate: 0.1, seed: 14 });
    const run = await uploadAndRun(fixture.auditor, file.path);
    expect(run.outcome).toBe("DONE");
    const db = await prisma();
    const findings = await db.reconciliationFinding.count({ where: { runId: run.runId } });
    await loseStagedRows(run.runId);
    const done = await runRow(run.runId);
    const err = await resumeReconciliationRun({ actor: fixture.auditor, input: { runId: run.runId, version: done.version }, requestMeta: meta() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CONFLICT", fieldErrors: { _form: ["validation.reconciliation.stagedRowsLost"] } });
    expect(await runRow(run.runId)).toMatchObject({ status: "DONE", version: done.version });
    expect(await db.reconciliationFinding.count({ where: { runId: run.runId } })).toBe(findings);
  });

  it("a run held by a live worker cannot be resumed; a finished one can be re-run", async () => {
    const file = await generatedFile({ rows: 200, mismatchRate: 0.1, seed: 11 });
    const started = await startReconciliationRun({ actor: fixture.auditor, input: { fileName: "held.csv" }, body: fs.createReadStream(file.path), requestMeta: meta() });
    const db = await prisma();
    const held = await runRow(started.runId); // just received: held for the hand-over
    await expect(resumeReconciliationRun({ actor: fixture.auditor, input: { runId: held.id, version: held.version }, requestMeta: meta() })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await processRun(held.id)).toBe("NOT_CLAIMED");
    await db.reconciliationRun.update({ where: { id: started.runId }, data: { heartbeatAt: null } });
    expect(await processRun(held.id)).toBe("DONE");
    const before = await db.reconciliationFinding.count({ where: { runId: held.id } });
    const done = await runRow(held.id);
    await resumeReconciliationRun({ actor: fixture.auditor, input: { runId: held.id, version: done.version }, requestMeta: meta() });
    expect(await processRun(held.id)).toBe("DONE");
    expect(await db.reconciliationFinding.count({ where: { runId: held.id } })).toBe(before);
    expect(await mismatchKeys(held.id)).toEqual(plantedKeys(file.planted));
  });
});

describe("reconciliation run: names as of the transaction's time", () => {
  it("compares a transaction before the version in force with that older version's names", async () => {
    const db = await prisma();
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: fixture.merchantIds[3] } });
    const terminal = await db.terminalBinding.findFirstOrThrow({ where: { merchantId: merchant.id } });
    const account = await db.receivingAccount.findFirstOrThrow({ where: { merchantId: merchant.id, status: "IN_FORCE" } });
    const oldName = merchant.receiptName!;
    // A new version took effect yesterday with a new receipt name; version 1's snapshot keeps the old one.
    await db.merchant.update({ where: { id: merchant.id }, data: { receiptName: "Ｎｅｗ　Name 新店", inForceApprovedAt: new Date(Date.now() - 86_400_000) } });
    const before = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const now = new Date(Date.now() - 60_000).toISOString();
    const line = (at: string, name: string) => `${at},${terminal.terminalId},${merchant.merchantNo},${name},****${account.accountLast4},1.00,000000000009`;
    const run = await uploadAndRun(fixture.auditor, writeCsv([COLUMNS.join(","), line(before, oldName), line(before, "new name 新店"), line(now, "NEW NAME  新店"), line(now, oldName)]));
    expect(run.outcome).toBe("DONE");
    expect(await mismatchKeys(run.runId)).toEqual(["3:PAYEE_DIFFERS", "5:PAYEE_DIFFERS"]);
  });
});
