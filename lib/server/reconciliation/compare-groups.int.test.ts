import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/lib/server/db";
import { mismatchKeys, reconciliationFixture, uploadAndRun, writeCsv } from "@/test/integration/reconciliation";
import { CHANGE_KINDS, compareRows } from "./compare-rows";

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
  return { fixture, path: writeCsv(lines), newLast4 };
}

let scenario: Awaited<ReturnType<typeof changesWithinTheFile>>;
let runId: string;
let rowByRow: string[];

beforeAll(async () => {
  scenario = await changesWithinTheFile();
  runId = (await uploadAndRun(scenario.fixture.auditor, scenario.path)).runId;
  const { sql } = await database();
  await compareRows(sql, runId, undefined, { grouped: false });
  rowByRow = await mismatchKeys(runId);
});

describe("alike rows compared once per group", () => {
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

  it("finds exactly the same in groups, with the changed groups' rows compared one by one", async () => {
    const { sql } = await database();
    const progress = await compareRows(sql, runId, undefined, { chunkGroups: 2 });
    expect(await mismatchKeys(runId)).toEqual(rowByRow);
    expect(progress).toEqual({ rowsCompared: 22, mismatchRows: 9 });
    const [groups] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReconciliationRowGroup" WHERE "runId" = $1`, [runId]);
    expect(groups!.n).toBe(6);
  });

  it.each(CHANGE_KINDS)("misses what row by row finds when a change of its %s is not looked for", async (left) => {
    const { sql } = await database();
    await compareRows(sql, runId, undefined, { changes: CHANGE_KINDS.filter((k) => k !== left) });
    expect(await mismatchKeys(runId)).not.toEqual(rowByRow);
  });

  it("compares rows of no group one by one (beyond the limit of groups, or staged before groups were kept)", async () => {
    const { sql } = await database();
    await sql.query(`UPDATE "ReconciliationRow" SET "groupNo" = NULL WHERE "runId" = $1 AND "groupNo" % 2 = 0`, [runId]);
    await sql.query(`DELETE FROM "ReconciliationRowGroup" WHERE "runId" = $1 AND "groupNo" % 2 = 0`, [runId]);
    expect(await compareRows(sql, runId, undefined, { chunkLines: 5 })).toEqual({ rowsCompared: 22, mismatchRows: 9 });
    expect(await mismatchKeys(runId)).toEqual(rowByRow);

    await sql.query(`UPDATE "ReconciliationRow" SET "groupNo" = NULL WHERE "runId" = $1`, [runId]);
    await sql.query(`DELETE FROM "ReconciliationRowGroup" WHERE "runId" = $1`, [runId]);
    expect(await compareRows(sql, runId)).toEqual({ rowsCompared: 22, mismatchRows: 9 });
    expect(await mismatchKeys(runId)).toEqual(rowByRow);
  });
});
