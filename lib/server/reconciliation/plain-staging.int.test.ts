import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTransactionTime } from "@/lib/domain/reconciliation/row";
import { checkField } from "@/lib/domain/validation";
import { meta } from "@/test/integration/actors";
import { database, prisma } from "@/lib/server/db";
import { CHANGE_KINDS, groupsSpanningChanges, recordsFingerprint } from "./change-instants";
import { compareRows } from "./compare-rows";
import { groupRawRows, writeScannedGroups } from "./group-raw-rows";
import { rawRange } from "./raw-rows";
import { claimRowNumbers, stagePlain } from "./stage-plain";
import { processRun } from "./process-run";
import { resumeReconciliationRun } from "./resume-run";
import { startReconciliationRun } from "./start-run";
import { generatedFile, mismatchKeys, plantedKeys, reconciliationFixture, uploadAndRun, useStaging, writeCsv } from "@/test/integration/reconciliation";

// Plain files copied as text exist only on a PostgreSQL server (decision 045).
const server = process.env.DATABASE_URL;

let fixture: Awaited<ReturnType<typeof reconciliationFixture>>;
beforeAll(async () => {
  if (server) fixture = await reconciliationFixture();
});
afterAll(() => useStaging("copied as text"));

async function outcomeOf(runId: string) {
  const db = await prisma();
  const run = await db.reconciliationRun.findUniqueOrThrow({ where: { id: runId } });
  const findings = await db.reconciliationFinding.findMany({ where: { runId } });
  const rejected = await db.reconciliationRejectedRow.findMany({ where: { runId }, orderBy: { lineNumber: "asc" } });
  return {
    copied: run.rawSeqFrom !== null,
    run: {
      // How far a refused file's progress got before the refusal depends on when progress was last written.
      ...(run.status === "DONE" ? { bytesRead: run.bytesRead, rowsRead: run.rowsRead } : {}),
      status: run.status, encoding: run.encoding, rowsStaged: run.rowsStaged, rowsRejected: run.rowsRejected,
      rowsCompared: run.rowsCompared, mismatchRows: run.mismatchRows, findingsCount: run.findingsCount, refusalKey: run.refusalKey, refusalDetail: run.refusalDetail,
    },
    findings: findings
      .map((f) => [f.kind, f.terminalId, f.merchantNo, f.merchantId, f.rowCount, f.amountFen.toString(), f.firstSeenAt.toISOString(), f.lastSeenAt.toISOString(), f.firstLine].join("|"))
      .sort(),
    rejected: rejected.map((r) => [r.lineNumber, r.reasonKey, r.column]),
    mismatches: run.status === "DONE" ? await mismatchKeys(runId) : [],
  };
}

/** The file run both ways: copied as text where it is plain, and read by the app. */
async function bothWays(path: string) {
  useStaging("copied as text");
  const copied = await outcomeOf((await uploadAndRun(fixture.auditor, path)).runId);
  useStaging("read by the app");
  const read = await outcomeOf((await uploadAndRun(fixture.auditor, path)).runId);
  useStaging("copied as text");
  expect(read.copied).toBe(false);
  return { copied, read };
}

const linesOf = (path: string) => fs.readFileSync(path, "utf8").trimEnd().split("\r\n");

describe.skipIf(!server)("plain files copied as text (decision 045)", () => {
  it.each([21, 22, 23])("find exactly what the app's reader finds, and every planted mismatch (seed %i)", async (seed) => {
    const file = await generatedFile({ rows: 2500, mismatchRate: 0.1, seed });
    const { copied, read } = await bothWays(file.path);
    expect(copied.copied).toBe(true);
    expect({ ...copied, copied: false }).toEqual(read);
    expect(copied.mismatches).toEqual(plantedKeys(file.planted));
    expect(copied.findings.length).toBeGreaterThan(10);
  });

  it("read alike: columns in another order under other names, LF line ends, quoted names, one payee written several ways", async () => {
    const file = await generatedFile({ rows: 800, mismatchRate: 0.15, seed: 31 });
    const [, ...rows] = linesOf(file.path).map((l) => l.split(","));
    // reference, amount, account, payee, merchant, terminal, time — under Chinese names.
    const order = [6, 5, 4, 3, 2, 1, 0];
    const header = ["检索参考号", "交易金额(元)", "结算账号", "收款方名称", "商户编号", "终端号", "交易时间"];
    const styled = rows.map((r, i) => {
      const payee = i % 3 === 0 ? `"${r[3]!.toUpperCase()}"` : i % 3 === 1 ? `"  ${r[3]}, "" "` : r[3]!;
      const cells = [...r];
      cells[3] = payee;
      return order.map((c) => cells[c]).join(",");
    });
    const path = writeCsv([]);
    fs.writeFileSync(path, [header.join(","), ...styled].join("\n") + "\n");
    const { copied, read } = await bothWays(path);
    expect(copied.copied).toBe(true);
    expect({ ...copied, copied: false }).toEqual(read);
    expect(copied.run.rowsStaged).toBe(800);
  });

  it("a row the reader refuses (a merchant number a digit short) sends the file to the reader: the row is listed by its line", async () => {
    const file = await generatedFile({ rows: 300, mismatchRate: 0, seed: 32 });
    const lines = linesOf(file.path);
    const cells = lines[100]!.split(",");
    const wrong = cells[2]!.slice(1);
    expect(checkField("merchantNo", wrong).ok).toBe(false);
    cells[2] = wrong;
    lines[100] = cells.join(",");
    const { copied, read } = await bothWays(writeCsv(lines));
    expect(copied).toEqual(read);
    expect(copied.copied).toBe(false);
    expect(copied.rejected).toEqual([[101, "reconciliation.row.badMerchantNo", "merchant_no"]]);
    expect(copied.run.rowsStaged + copied.run.rowsRejected).toBe(300);
  });

  const edits: [string, (cells: string[]) => void, string][] = [
    ["a card number as the payee", (cells) => void (cells[3] = "6222021234567890128"), "REFUSED"],
    ["a time with its zone", (cells) => void (cells[0] = cells[0]!.replace(" ", "T") + "+08:00"), "DONE"],
    ["a name over a quoted line break", (cells) => void (cells[3] = `"${cells[3]}\nB"`), "DONE"],
    ["an amount with a thousands separator", (cells) => void (cells[5] = `"1,000.00"`), "DONE"],
  ];
  it.each(edits)("%s: read by the app, with the reader's outcome", async (_, edit, status) => {
    const file = await generatedFile({ rows: 200, mismatchRate: 0.1, seed: 33 });
    const lines = linesOf(file.path);
    const cells = lines[50]!.split(",");
    edit(cells);
    lines[50] = cells.join(",");
    const { copied, read } = await bothWays(writeCsv(lines));
    expect(copied).toEqual(read);
    expect(copied).toMatchObject({ copied: false, run: { status } });
  });

  it("a byte that is not UTF-8 past the opening the encoding is decided on: the database refuses the text, the reader says why", async () => {
    const file = await generatedFile({ rows: 2000, mismatchRate: 0, seed: 34 });
    const bytes = fs.readFileSync(file.path);
    const at = bytes.indexOf(0x0a, 120_000) + 1;
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from("2026-10-07 08:20:01,T0000001,000000000000000,\xff\xfe,****1234,1.00,R1\r\n", "latin1"), bytes.subarray(at)]);
    const path = writeCsv([]);
    fs.writeFileSync(path, broken);
    const { copied, read } = await bothWays(path);
    expect(copied).toEqual(read);
    expect(copied).toMatchObject({ copied: false, run: { status: "REFUSED", refusalKey: "reconciliation.file.badEncoding" } });
  });

  it("the groups the byte scan makes are the groups SQL makes of the copied rows, and no record changes within any of them", async () => {
    const file = await generatedFile({ rows: 3000, mismatchRate: 0.2, seed: 36 });
    useStaging("copied as text");
    const run = await uploadAndRun(fixture.auditor, file.path);
    const { sql } = await database();
    const range = rawRange(await (await prisma()).reconciliationRun.findUniqueOrThrow({ where: { id: run.runId } }))!;
    // Copied again, as another run (the scan's groups are not kept past comparing).
    const again = await startReconciliationRun({ actor: fixture.auditor, input: { fileName: "again.csv" }, body: fs.createReadStream(file.path), requestMeta: meta() });
    const staged = await stagePlain(sql, again.runId, file.path);
    if (!("groups" in staged)) throw new Error(`not staged plain: ${staged.why}`);
    expect(rawRange(await (await prisma()).reconciliationRun.findUniqueOrThrow({ where: { id: again.runId } }))).toEqual({ seqFrom: staged.seqFrom, seqTo: staged.seqTo });
    const groupsNow = async () =>
      (await sql.query<Record<string, unknown>>(
        `SELECT "groupNo", "terminalId", "merchantNo", "payeeKey", "accountLast4", "accountHash", "rowCount", "amountFen"::text, "firstAt"::text, "lastAt"::text, "firstLine" FROM "ReconciliationRowGroup" WHERE "runId" = $1 ORDER BY "groupNo"`,
        [run.runId],
      )).map((g) => JSON.stringify(g));
    await sql.query(`DELETE FROM "ReconciliationRowGroup" WHERE "runId" = $1`, [run.runId]);
    await writeScannedGroups(sql, run.runId, staged.groups);
    const scanned = await groupsNow();
    expect(await groupsSpanningChanges(sql, run.runId, CHANGE_KINDS)).toBe(0);
    await sql.query(`DELETE FROM "ReconciliationRowGroup" WHERE "runId" = $1`, [run.runId]);
    await groupRawRows(sql, run.runId, range, CHANGE_KINDS);
    expect(await groupsNow()).toEqual(scanned);
    // Some groups are cut at a change (rows before a binding began): the buckets are tested.
    const made = [...staged.groups.groups()];
    expect(new Set(made.map((g) => JSON.stringify([g.terminal, g.merchant, g.payee, g.account]))).size).toBeLessThan(made.length);
  });

  it("a record that changes after the scan made its groups: the groups are made again in SQL, and find what they now must", async () => {
    const file = await generatedFile({ rows: 2000, mismatchRate: 0.1, seed: 39 });
    const { sql } = await database();
    const before = await recordsFingerprint(sql);
    expect(await recordsFingerprint(sql)).toBe(before);
    const run = await startReconciliationRun({ actor: fixture.auditor, input: { fileName: "changed.csv" }, body: fs.createReadStream(file.path), requestMeta: meta() });
    const staged = await stagePlain(sql, run.runId, file.path);
    if (!("groups" in staged)) throw new Error(`not staged plain: ${staged.why}`);
    expect(staged.fingerprint).toBe(before);
    // A bound terminal's binding ends at its last transaction: that row is now outside it.
    const [, ...rows] = linesOf(file.path).map((l) => l.split(","));
    const [binding] = await sql.query<{ terminalId: string }>(`SELECT "terminalId" FROM "TerminalBinding" WHERE "merchantId" = $1 AND "boundTo" IS NULL LIMIT 1`, [fixture.merchantIds[0]]);
    const times = rows.filter((r) => r[1] === binding!.terminalId).map((r) => parseTransactionTime(r[0]!)!.getTime());
    expect(times.length).toBeGreaterThan(10);
    await sql.query(`UPDATE "TerminalBinding" SET "boundTo" = $2 WHERE "terminalId" = $1 AND "boundTo" IS NULL`, [binding!.terminalId, new Date(Math.max(...times)).toISOString()]);
    expect(await recordsFingerprint(sql)).not.toBe(before);

    const range = { seqFrom: staged.seqFrom, seqTo: staged.seqTo };
    const scanned = await compareRows(sql, run.runId, undefined, { raw: { ...range, scanned: { groups: staged.groups, fingerprint: staged.fingerprint } } });
    const found = await mismatchKeys(run.runId);
    const inSql = await compareRows(sql, run.runId, undefined, { raw: range });
    expect(scanned).toEqual(inSql);
    expect(found).toEqual(await mismatchKeys(run.runId));
    const [outside] = await sql.query<{ rows: number }>(
      `SELECT coalesce(sum("rowCount"), 0)::int AS rows FROM "ReconciliationRowGroup" WHERE "runId" = $1 AND "terminalId" = $2 AND 'OUTSIDE_BINDING_PERIOD' = ANY(kinds)`,
      [run.runId, binding!.terminalId],
    );
    expect(outside!.rows).toBeGreaterThanOrEqual(1);
  });

  it("change instants read while the file arrived: a binding that ends before staging still finds its row outside it", async () => {
    const file = await generatedFile({ rows: 1500, mismatchRate: 0.1, seed: 40 });
    const { sql } = await database();
    const started = await startReconciliationRun({ actor: fixture.auditor, input: { fileName: "early.csv" }, body: fs.createReadStream(file.path), requestMeta: meta() });
    const early = await started.instants!;
    const [, ...rows] = linesOf(file.path).map((l) => l.split(","));
    const [binding] = await sql.query<{ terminalId: string }>(`SELECT "terminalId" FROM "TerminalBinding" WHERE "merchantId" = $1 AND "boundTo" IS NULL LIMIT 1`, [fixture.merchantIds[1]]);
    const last = Math.max(...rows.filter((r) => r[1] === binding!.terminalId).map((r) => parseTransactionTime(r[0]!)!.getTime()));
    await sql.query(`UPDATE "TerminalBinding" SET "boundTo" = $2 WHERE "terminalId" = $1 AND "boundTo" IS NULL`, [binding!.terminalId, new Date(last).toISOString()]);
    expect(await recordsFingerprint(sql)).not.toBe(early.fingerprint);

    expect(await processRun(started.runId, { handover: true, instants: started.instants })).toBe("DONE");
    const copied = await outcomeOf(started.runId);
    useStaging("read by the app");
    const read = await outcomeOf((await uploadAndRun(fixture.auditor, file.path)).runId);
    useStaging("copied as text");
    expect(copied.copied).toBe(true);
    expect({ ...copied, copied: false }).toEqual(read);
    expect(read.findings.some((f) => f.startsWith(`OUTSIDE_BINDING_PERIOD|${binding!.terminalId}|`))).toBe(true);
  });

  it("a run that dies just after its rows were copied leaves none behind: staged again, its old rows go", async () => {
    const file = await generatedFile({ rows: 300, mismatchRate: 0.1, seed: 37 });
    let whole = 0;
    // The last progress report comes after the COPY committed, before the run is marked staged.
    const dies = { afterBatch: (p: { rowsStaged: number }) => { if (p.rowsStaged === 300 && ++whole === 2) throw new Error("killed"); } };
    await expect(uploadAndRun(fixture.auditor, file.path, dies)).rejects.toThrow("killed");
    const db = await prisma();
    const run = (await db.reconciliationRun.findMany({ orderBy: { startedAt: "desc" }, take: 1 }))[0]!;
    expect(run).toMatchObject({ status: "STAGING" });
    expect(rawRange(run)).toBeDefined();
    await resumeReconciliationRun({ actor: fixture.auditor, input: { runId: run.id, version: run.version }, requestMeta: meta() });
    expect(await processRun(run.id)).toBe("DONE");
    expect(await mismatchKeys(run.id)).toEqual(plantedKeys(file.planted));
    const { sql } = await database();
    const [rows] = await sql.query<{ copied: number; known: number }>(
      `SELECT (SELECT count(*) FROM "ReconciliationRawRow")::int AS copied,
              (SELECT coalesce(sum("rawSeqTo" - "rawSeqFrom" + 1), 0) FROM "ReconciliationRun" WHERE "rawSeqFrom" IS NOT NULL)::int AS known`,
    );
    expect(rows!.copied).toBe(rows!.known);
  });

  it("while another run copies its rows, a run is read by the app, and finds the same", async () => {
    const file = await generatedFile({ rows: 600, mismatchRate: 0.1, seed: 35 });
    // Advisory locks are the database's own: hold it in the one the app uses.
    const [{ name }] = (await (await database()).sql.query<{ name: string }>(`SELECT current_database() AS name`)) as [{ name: string }];
    const url = new URL(server!);
    url.pathname = `/${name}`;
    const holder = new pg.Client({ connectionString: url.toString() });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtextextended('reconciliation.raw-copy', 0))`);
      const busy = await outcomeOf((await uploadAndRun(fixture.auditor, file.path)).runId);
      expect(busy.copied).toBe(false);
      expect(busy.mismatches).toEqual(plantedKeys(file.planted));
    } finally {
      await holder.end();
    }
    const free = await outcomeOf((await uploadAndRun(fixture.auditor, file.path)).runId);
    expect(free.copied).toBe(true);
    expect(free.mismatches).toEqual(plantedKeys(file.planted));
  });

  it("a COPY's rows take one unbroken range of numbers, whatever numbers its connection kept from before", async () => {
    const [{ name }] = (await (await database()).sql.query<{ name: string }>(`SELECT current_database() AS name`)) as [{ name: string }];
    const url = new URL(server!);
    url.pathname = `/${name}`;
    const [a, b] = [new pg.Client({ connectionString: url.toString() }), new pg.Client({ connectionString: url.toString() })];
    await Promise.all([a.connect(), b.connect()]);
    const on = (client: pg.Client) => async <T,>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[];
    const take = async (client: pg.Client, n: number) =>
      (await on(client)<{ n: string }>(`SELECT nextval(pg_get_serial_sequence('"ReconciliationRawRow"', 'seq'))::text AS n FROM generate_series(1, $1)`, [n])).map((r) => BigInt(r.n));
    try {
      const [{ cache }] = (await on(a)<{ cache: number }>(`SELECT cache_size::int AS cache FROM pg_sequences WHERE sequencename = 'ReconciliationRawRow_seq_seq'`)) as [{ cache: number }];
      expect(cache).toBeGreaterThan(1);
      // Connection a keeps most of a block of numbers; b's COPY takes the next blocks.
      await take(a, 1);
      await b.query("BEGIN");
      expect(await claimRowNumbers(on(b))).toBe(true);
      await a.query("BEGIN");
      expect(await claimRowNumbers(on(a))).toBe(false);
      await a.query("ROLLBACK");
      await take(b, cache + 10);
      await b.query("COMMIT");
      // a's own COPY now: more rows than a kept numbers for, and not one number out of its range.
      await a.query("BEGIN");
      expect(await claimRowNumbers(on(a))).toBe(true);
      const numbers = await take(a, cache + 10);
      await a.query("COMMIT");
      expect(numbers.at(-1)! - numbers[0]! + 1n).toBe(BigInt(numbers.length));
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it("runs copied at the same time each keep their own rows and line numbers", async () => {
    const files = await Promise.all([41, 42, 43].map((seed) => generatedFile({ rows: 15_000, mismatchRate: 0.05, seed })));
    const runs = await Promise.all(files.map((f) => uploadAndRun(fixture.auditor, f.path)));
    for (const [i, run] of runs.entries()) {
      const outcome = await outcomeOf(run.runId);
      expect(outcome.run).toMatchObject({ status: "DONE", rowsStaged: 15_000, rowsCompared: 15_000 });
      expect(outcome.mismatches).toEqual(plantedKeys(files[i]!.planted));
    }
  });
});
