import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/lib/server/db";
import { mismatchKeys, reconciliationFixture, uploadAndRun, writeCsv } from "@/test/integration/reconciliation";
import { CHANGE_KINDS, compareRows, INSERT_FINDINGS, StagedRowsMissingError } from "./compare-rows";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

type Facts = { merchantId: string; terminalId: string; merchantNo: string; payee: string; last4: string };

/**
 * Five merchants; within the file's ten days, four have a record change at day -5: A's account,
 * B's terminal rebound to C, C's version taking effect, D's terminal unbound. E changes nothing.
 * Each terminal has alike rows on both sides of the change, so they form one group whose verdict
 * differs across it.
 */
async function changesWithinTheFile() {
  const fixture = await reconciliationFixture(5);
  const { sql } = await database();
  const facts: Facts[] = [];
  for (const merchantId of fixture.merchantIds) {
    const [f] = await sql.query<Facts>(
      `SELECT m.id AS "merchantId", t."terminalId", m."merchantNo", COALESCE(m."receiptName", m."legalName") AS payee, r."accountLast4" AS last4
         FROM "Merchant" m JOIN "TerminalBinding" t ON t."merchantId" = m.id JOIN "ReceivingAccount" r ON r."merchantId" = m.id AND r.status = 'IN_FORCE'
        WHERE m.id = $1 LIMIT 1`,
      [merchantId],
    );
    facts.push(f!);
  }
  const [a, b, c, d] = facts as [Facts, Facts, Facts, Facts, Facts];
  const change = daysAgo(5).toISOString();
  const newLast4 = a.last4 === "0000" ? "1111" : "0000";
  await sql.query(`UPDATE "ReceivingAccount" SET status = 'SUPERSEDED', "effectiveTo" = $2 WHERE "merchantId" = $1 AND status = 'IN_FORCE'`, [a.merchantId, change]);
  await sql.query(
    `INSERT INTO "ReceivingAccount" SELECT * FROM jsonb_populate_record(null::"ReceivingAccount",
       (SELECT to_jsonb(r) || jsonb_build_object('id', r.id || '-new', 'status', 'IN_FORCE', 'accountLast4', $2::text, 'accountNoHash', r."accountNoHash" || '-new', 'effectiveFrom', $3::text, 'effectiveTo', null)
          FROM "ReceivingAccount" r WHERE r."merchantId" = $1 AND r.status = 'SUPERSEDED' LIMIT 1))`,
    [a.merchantId, newLast4, change],
  );
  await sql.query(`UPDATE "TerminalBinding" SET "boundTo" = $2 WHERE "terminalId" = $1`, [b.terminalId, change]);
  await sql.query(
    `INSERT INTO "TerminalBinding" SELECT * FROM jsonb_populate_record(null::"TerminalBinding",
       (SELECT to_jsonb(t) || jsonb_build_object('id', t.id || '-rebound', 'merchantId', $2::text, 'boundFrom', $3::text, 'boundTo', null)
          FROM "TerminalBinding" t WHERE t."terminalId" = $1 LIMIT 1))`,
    [b.terminalId, c.merchantId, change],
  );
  await sql.query(`UPDATE "MerchantVersion" SET "approvedAt" = $2 WHERE "merchantId" = $1`, [c.merchantId, change]);
  await sql.query(`UPDATE "Merchant" SET "inForceApprovedAt" = $2 WHERE id = $1`, [c.merchantId, change]);
  await sql.query(`UPDATE "TerminalBinding" SET "boundTo" = $2 WHERE "terminalId" = $1`, [d.terminalId, change]);

  let reference = 0;
  const lines = ["transaction_time,terminal_id,merchant_no,payee_name,settlement_account,amount,reference"];
  const row = (f: Facts, day: number, last4 = f.last4) =>
    lines.push(`${daysAgo(day).toISOString()},${f.terminalId},${f.merchantNo},${f.payee},****${last4},12.30,REF${String(++reference).padStart(6, "0")}`);
  for (const f of facts) for (const day of [10, 8, 2, 1]) row(f, day);
  for (const day of [10, 2]) row(a, day, newLast4);
  return { fixture, path: writeCsv(lines), newLast4, facts: facts as [Facts, Facts, Facts, Facts, Facts] };
}

let scenario: Awaited<ReturnType<typeof changesWithinTheFile>>;
let runId: string;
let rowByRow: string[];
let rowByRowFindings: unknown[];

/** The findings the run's mismatches make, without ids: what an auditor sees. */
async function findingsOf(id: string) {
  const { sql } = await database();
  await sql.query(`DELETE FROM "ReconciliationFinding" WHERE "runId" = $1`, [id]);
  await sql.query(INSERT_FINDINGS, [id]);
  return sql.query(
    `SELECT kind::text, "terminalId", "merchantNo", "merchantId", "rowCount", "amountFen"::text, "firstSeenAt", "lastSeenAt", "firstLine"
       FROM "ReconciliationFinding" WHERE "runId" = $1 ORDER BY kind, "terminalId", "merchantNo"`,
    [id],
  );
}

beforeAll(async () => {
  scenario = await changesWithinTheFile();
  runId = (await uploadAndRun(scenario.fixture.auditor, scenario.path)).runId;
  const { sql } = await database();
  expect(await compareRows(sql, runId, undefined, { changes: null, chunkGroups: 5 })).toEqual({ rowsCompared: 22, mismatchRows: 9 });
  rowByRow = await mismatchKeys(runId);
  rowByRowFindings = await findingsOf(runId);
});

describe("alike rows compared once per group (decision 043)", () => {
  it("the reference, row by row, finds each change on the side where it applies", () => {
    // Lines: 4 rows (days -10, -8, -2, -1) per merchant A–E from line 2, then A's new account at -10, -2.
    expect(rowByRow).toEqual([
      "4:ACCOUNT_DIFFERS", "5:ACCOUNT_DIFFERS", // A's old account after the change
      "8:TERMINAL_BOUND_TO_OTHER_MERCHANT", "9:TERMINAL_BOUND_TO_OTHER_MERCHANT", // B's terminal rebound to C
      "10:PAYEE_DIFFERS", "11:PAYEE_DIFFERS", // C before any version of it was in force
      "16:OUTSIDE_BINDING_PERIOD", "17:OUTSIDE_BINDING_PERIOD", // D's terminal unbound
      "22:ACCOUNT_DIFFERS", // A's new account before it took effect
    ].sort());
  });

  it("finds exactly the same in groups split at each change, and the same findings", async () => {
    const { sql } = await database();
    const progress = await compareRows(sql, runId, undefined, { chunkGroups: 2 });
    expect(await mismatchKeys(runId)).toEqual(rowByRow);
    expect(progress).toEqual({ rowsCompared: 22, mismatchRows: 9 });
    expect(await findingsOf(runId)).toEqual(rowByRowFindings);
    // Six groups of alike rows (A's two accounts, B–E); all but E's split in two at the change.
    const groups = await sql.query<{ terminalId: string; n: number }>(
      `SELECT "terminalId", count(*)::int AS n FROM "ReconciliationRowGroup" WHERE "runId" = $1 GROUP BY "terminalId"`,
      [runId],
    );
    const [a, b, c, d, e] = scenario.facts;
    expect(Object.fromEntries(groups.map((g) => [g.terminalId, g.n]))).toEqual({ [a.terminalId]: 4, [b.terminalId]: 2, [c.terminalId]: 2, [d.terminalId]: 2, [e.terminalId]: 1 });
  });

  it.each(CHANGE_KINDS)("misses what row by row finds when a change of its %s is not looked for", async (left) => {
    const { sql } = await database();
    await compareRows(sql, runId, undefined, { changes: CHANGE_KINDS.filter((k) => k !== left) });
    expect(await mismatchKeys(runId)).not.toEqual(rowByRow);
  });

  it("refuses to compare when fewer rows are staged than were (the database lost them)", async () => {
    const { sql } = await database();
    await expect(compareRows(sql, runId, undefined, { expectedRows: 23 })).rejects.toBeInstanceOf(StagedRowsMissingError);
    expect(await compareRows(sql, runId, undefined, { expectedRows: 22 })).toEqual({ rowsCompared: 22, mismatchRows: 9 });
  });
});
