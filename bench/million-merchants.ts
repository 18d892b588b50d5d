// Approved merchants for the search benchmarks, written straight into the tables in batches: merchant
// i has merchant number merchantNo(i), legal name legalName(i) and one account in force, accountNo(i).
import type { Database } from "../lib/server/db";

const BATCH = 50_000;

export const accountNo = (i: number) => `6000${String(i).padStart(12, "0")}`;
export const merchantNo = (i: number) => `${String(i).padStart(11, "0")}${String(i % 10_000).padStart(4, "0")}`;
export const legalName = (i: number) => `基准商户m${i}`;

/** Returns the seconds the load took (ANALYZE included). */
export async function loadMerchants(sql: Database["sql"], count: number, blindIndex: (value: string) => string) {
  const start = performance.now();
  for (let from = 0; from < count; from += BATCH) {
    const ids: string[] = [];
    const numbers: string[] = [];
    const names: string[] = [];
    const hashes: string[] = [];
    const last4s: string[] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) {
      ids.push(`m${i}`);
      numbers.push(merchantNo(i));
      names.push(legalName(i));
      hashes.push(blindIndex(accountNo(i)));
      last4s.push(accountNo(i).slice(-4));
    }
    await sql.query(
      `INSERT INTO "Merchant" (id, "merchantNo", status, version, type, "legalName", mcc, "divisionCode", "updatedAt")
       SELECT id, no, 'ACTIVE', 1, 'ENTERPRISE', name, '5411', '350102', now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, no, name)`,
      [ids, numbers, names],
    );
    await sql.query(
      `INSERT INTO "ReceivingAccount" (id, "merchantId", "merchantVersion", "accountType", "accountName", "accountNoEnc", "accountNoHash", "accountLast4", "bankCode", "branchName", cnaps, status, "effectiveFrom", "changeRequestId")
       SELECT 'a' || id, id, 1, 'CORPORATE', '基准商户' || id, 'v1.none', h, last4, '102', '分行', '102391000001', 'IN_FORCE', now(), 'bench' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, h, last4)`,
      [ids, hashes, last4s],
    );
  }
  await sql.exec(`ANALYZE "Merchant"; ANALYZE "ReceivingAccount";`);
  return (performance.now() - start) / 1000;
}
