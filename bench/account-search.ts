// Search by full account number (keyed blind index) at 1,000,000 merchants on PostgreSQL, through
// the real listMerchants use case; baseline: exact search by merchant number in the same run.
import crypto from "node:crypto";
import { createBenchDatabase, fmt, percentile } from "./lib";

const MERCHANTS = Number(process.env.BENCH_MERCHANTS ?? 1_000_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 300);
const BATCH = 50_000;

const accountNo = (i: number) => `6000${String(i).padStart(12, "0")}`;
const merchantNo = (i: number) => `898350154110${String(i % 10_000).padStart(4, "0")}`.slice(0, 11) + String(i).padStart(4, "0").slice(-4);

export async function benchAccountSearch() {
  const db = await createBenchDatabase("search");
  process.env.DATABASE_URL = db.url;
  process.env.BLIND_INDEX_KEY ??= crypto.randomBytes(32).toString("base64");
  process.env.DATA_ENCRYPTION_KEYS ??= `b1:${crypto.randomBytes(32).toString("base64")}`;
  const { database } = await import("../lib/server/db");
  const { blindIndex } = await import("../lib/server/crypto/sensitive");
  const { listMerchants } = await import("../lib/server/merchants/list-merchants");
  const handle = await database();
  try {
    const loadStart = performance.now();
    for (let from = 0; from < MERCHANTS; from += BATCH) {
      const ids: string[] = [];
      const numbers: string[] = [];
      const hashes: string[] = [];
      for (let i = from; i < Math.min(MERCHANTS, from + BATCH); i++) {
        ids.push(`m${i}`);
        numbers.push(`${String(i).padStart(11, "0")}${String(i % 10_000).padStart(4, "0")}`);
        hashes.push(blindIndex("account-no", accountNo(i)));
      }
      await handle.sql.query(
        `INSERT INTO "Merchant" (id, "merchantNo", status, version, type, "legalName", mcc, "divisionCode", "updatedAt")
         SELECT id, no, 'ACTIVE', 1, 'ENTERPRISE', '基准商户' || id, '5411', '350102', now() FROM unnest($1::text[], $2::text[]) AS t(id, no)`,
        [ids, numbers],
      );
      await handle.sql.query(
        `INSERT INTO "ReceivingAccount" (id, "merchantId", "merchantVersion", "accountType", "accountName", "accountNoEnc", "accountNoHash", "accountLast4", "bankCode", "branchName", cnaps, status, "effectiveFrom", "changeRequestId")
         SELECT 'a' || id, id, 1, 'CORPORATE', '基准商户' || id, 'v1.none', h, right(h, 4), '102', '分行', '102391000001', 'IN_FORCE', now(), 'bench' FROM unnest($1::text[], $2::text[]) AS t(id, h)`,
        [ids, hashes],
      );
    }
    await handle.sql.exec(`ANALYZE "Merchant"; ANALYZE "ReceivingAccount";`);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const auditor = { id: "bench-auditor", username: "bench", displayName: "bench", role: "AUDITOR" as const, locale: "zh-CN", sessionId: "-", mfaPassed: true, mfaEnrolled: false, mustChangePassword: false };
    const time = async (q: string) => {
      const t0 = performance.now();
      const result = await listMerchants(auditor, { q });
      if (result.merchants.length !== 1) throw new Error(`search for ${q} found ${result.merchants.length}`);
      return performance.now() - t0;
    };
    const pick = () => crypto.randomInt(MERCHANTS);
    const byAccount: number[] = [];
    const byMerchantNo: number[] = [];
    for (let k = 0; k < LOOKUPS; k++) {
      const i = pick();
      byMerchantNo.push(await time(`${String(i).padStart(11, "0")}${String(i % 10_000).padStart(4, "0")}`));
      byAccount.push(await time(accountNo(pick())));
    }
    byAccount.sort((a, b) => a - b);
    byMerchantNo.sort((a, b) => a - b);
    return {
      name: `search at ${MERCHANTS.toLocaleString("en")} merchants on PostgreSQL (${LOOKUPS} lookups each, listMerchants use case)`,
      rows: [
        ["exact merchant number (baseline)", `p50 ${fmt(percentile(byMerchantNo, 50))} ms`, `p95 ${fmt(percentile(byMerchantNo, 95))} ms`],
        ["full account number via blind index", `p50 ${fmt(percentile(byAccount, 50))} ms`, `p95 ${fmt(percentile(byAccount, 95))} ms`],
      ],
      summary: `data load ${fmt(loadSeconds)} s`,
    };
  } finally {
    await handle.close();
    await db.drop();
  }
}
void merchantNo;
