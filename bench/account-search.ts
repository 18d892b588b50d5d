// Search by full account number (keyed blind index) at 1,000,000 merchants on PostgreSQL, through
// the real listMerchants use case; baseline: exact search by merchant number in the same run.
import crypto from "node:crypto";
import { createBenchDatabase, fmt, percentile } from "./lib";
import { accountNo, loadMerchants, merchantNo } from "./million-merchants";

const MERCHANTS = Number(process.env.BENCH_MERCHANTS ?? 1_000_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 300);

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
    const loadSeconds = await loadMerchants(handle.sql, MERCHANTS, (account) => blindIndex("account-no", account));
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
      byMerchantNo.push(await time(merchantNo(i)));
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
