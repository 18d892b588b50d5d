import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/lib/server/db";
import { CHANGE_KINDS, loadChangeInstants, recordsFingerprint } from "./change-instants";
import { reconciliationFixture } from "@/test/integration/reconciliation";

let fixture: Awaited<ReturnType<typeof reconciliationFixture>>;
beforeAll(async () => {
  fixture = await reconciliationFixture(2);
});

/** Each change a terminal's instants are made of, and the statement that undoes it. */
const CHANGES = [
  { what: "a binding ends", table: "TerminalBinding", column: `"boundTo"`, key: `"merchantId"`, to: `now()` },
  { what: "a binding's beginning moves", table: "TerminalBinding", column: `"boundFrom"`, key: `"merchantId"`, to: `"boundFrom" - interval '1 day'` },
  { what: "an account ends", table: "ReceivingAccount", column: `"effectiveTo"`, key: `"merchantId"`, to: `now()` },
  { what: "a version's approval moves", table: "MerchantVersion", column: `"approvedAt"`, key: `"merchantId"`, to: `"approvedAt" + interval '1 second'` },
  { what: "the version in force changes", table: "Merchant", column: `"inForceApprovedAt"`, key: `id`, to: `"inForceApprovedAt" + interval '1 second'` },
] as const;

describe("the records' fingerprint: whether the change instants read earlier still stand", () => {
  it("is the one read with the instants while nothing changes, and an edit elsewhere leaves it", async () => {
    const { sql } = await database();
    const read = await loadChangeInstants(sql, CHANGE_KINDS);
    expect(await recordsFingerprint(sql)).toBe(read.fingerprint);
    await sql.query(`UPDATE "Merchant" SET "receiptName" = "receiptName" || '店' WHERE id = $1`, [fixture.merchantIds[0]]);
    expect(await recordsFingerprint(sql)).toBe(read.fingerprint);
  });

  it.each(CHANGES)("changes when $what, and is the same again once it is undone", async ({ table, column, key, to }) => {
    const { sql } = await database();
    const before = await loadChangeInstants(sql, CHANGE_KINDS);
    const merchantId = fixture.merchantIds[1];
    const [old] = await sql.query<{ at: string | null }>(`SELECT ${column}::text AS at FROM "${table}" WHERE ${key} = $1 LIMIT 1`, [merchantId]);
    await sql.query(`UPDATE "${table}" SET ${column} = ${to} WHERE ${key} = $1`, [merchantId]);
    const after = await loadChangeInstants(sql, CHANGE_KINDS);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(await recordsFingerprint(sql)).toBe(after.fingerprint);
    await sql.query(`UPDATE "${table}" SET ${column} = $2::timestamp(3) WHERE ${key} = $1`, [merchantId, old!.at]);
    expect(await recordsFingerprint(sql)).toBe(before.fingerprint);
  });

  it("changes when a record is removed", async () => {
    const { sql } = await database();
    const before = await recordsFingerprint(sql);
    await sql.query(`DELETE FROM "MerchantVersion" WHERE "merchantId" = $1`, [fixture.merchantIds[1]]);
    expect(await recordsFingerprint(sql)).not.toBe(before);
  });
});
