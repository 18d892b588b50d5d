// Spot-check draw at 1,000,000 approved merchants on PostgreSQL: the population query, canonical
// order, population hash and the seeded draw of 1% (what createCampaign does before it writes
// the items), for each strategy. Baseline in the same run: PostgreSQL's own `ORDER BY random()
// LIMIT n` over the same join — a draw that is neither reproducible nor risk-aware.
import crypto from "node:crypto";
import { createBenchDatabase, fmt, median } from "./lib";

const MERCHANTS = Number(process.env.BENCH_MERCHANTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH = 50_000;
const CLERKS = 40;


async function load(sql: { query: (text: string, params?: unknown[]) => Promise<unknown> }) {
  // Row by row the version trigger would dominate the load; the migration's own backfill runs after.
  await sql.query(`ALTER TABLE "MerchantVersion" DISABLE TRIGGER merchant_version_in_force`);
  for (let from = 0; from < MERCHANTS; from += BATCH) {
    const to = Math.min(MERCHANTS, from + BATCH);
    await sql.query(
      `WITH n AS (SELECT g AS i, 'm' || lpad(g::text, 7, '0') AS id FROM generate_series($1::int, $2::int - 1) g),
       m AS (INSERT INTO "Merchant" (id, "merchantNo", status, version, type, "legalName", mcc, "divisionCode", "updatedAt")
             SELECT id, lpad(i::text, 15, '0'), 'ACTIVE', 1, 'ENTERPRISE', '基准商户' || id, (ARRAY['5411','5812','5999','7011'])[1 + i % 4], '350102', now() FROM n),
       c AS (INSERT INTO "ChangeRequest" (id, reference, kind, "merchantId", status, "makerId", "verifierId", "approverId", "baseVersion", proposal,
                                          "legalName", "accountNoHash", "accountLast4", phone, mcc, "divisionCode", "merchantType", "terminalIds", "serialNos", "riskFlags", "updatedAt")
             SELECT 'cr' || id, 'CR-' || id, 'ONBOARD', id, 'EFFECTIVE', 'clerk' || (i % ${CLERKS}), 'clerk' || ((i + 1) % ${CLERKS}), 'supervisor' || (i % 7), 0, '{}'::jsonb,
                    '基准商户' || id, md5(id), '0000', '13800000000', '5411', '350102', 'ENTERPRISE', '{}', '{}',
                    CASE WHEN i % 20 = 0 THEN '[{"code":"NEW_ACCOUNT","severity":"high"}]'::jsonb WHEN i % 7 = 0 THEN '[{"code":"X","severity":"low"}]'::jsonb ELSE '[]'::jsonb END, now() FROM n)
       INSERT INTO "MerchantVersion" ("merchantId", version, snapshot, "changeRequestId", "approvedById", "approvedAt")
       SELECT id, 1, '{}'::jsonb, 'cr' || id, 'supervisor' || (i % 7), now() - ((i % 400) || ' days')::interval FROM n`,
      [from, to],
    );
  }
  await sql.query(`ALTER TABLE "MerchantVersion" ENABLE TRIGGER merchant_version_in_force`);
  await sql.query(
    `UPDATE "Merchant" m SET "inForceMakerId" = cr."makerId", "inForceRiskWeight" = payeeguard_risk_weight(cr."riskFlags"), "inForceApprovedAt" = mv."approvedAt",
       "inForceChangeRequestId" = cr.id, "inForceVerifierId" = cr."verifierId", "inForceApproverId" = cr."approverId", "inForceSecondApproverId" = cr."secondApproverId"
     FROM "MerchantVersion" mv JOIN "ChangeRequest" cr ON cr.id = mv."changeRequestId" WHERE mv."merchantId" = m.id AND mv.version = m.version`,
  );
  await sql.query(`VACUUM ANALYZE "Merchant"`);
  await sql.query(`ANALYZE "ChangeRequest"`);
  await sql.query(`ANALYZE "MerchantVersion"`);
}

export async function benchSampling() {
  const db = await createBenchDatabase("sampling");
  process.env.DATABASE_URL = db.url;
  process.env.BLIND_INDEX_KEY ??= crypto.randomBytes(32).toString("base64");
  process.env.DATA_ENCRYPTION_KEYS ??= `b1:${crypto.randomBytes(32).toString("base64")}`;
  const { database, prisma } = await import("../lib/server/db");
  const { selectPopulation } = await import("../lib/server/spot-checks/select-population");
  const { loadDrawnRecords } = await import("../lib/server/spot-checks/select-population");
  const { drawSample, inCanonicalOrder, populationHash } = await import("../lib/server/spot-checks/draw-sample");
  const handle = await database();
  try {
    const loadStart = performance.now();
    await load(handle.sql);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const client = await prisma();
    const sampleSize = Math.round(MERCHANTS / 100);
    const now = new Date();

    const baseline: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      await client.$queryRawUnsafe(
        `SELECT m.id FROM "Merchant" m JOIN "MerchantVersion" mv ON mv."merchantId" = m.id AND mv.version = m.version
         JOIN "ChangeRequest" cr ON cr.id = mv."changeRequestId" WHERE m.status = 'ACTIVE' ORDER BY random() LIMIT ${sampleSize}`,
      );
      baseline.push(performance.now() - t0);
    }

    const rows: string[][] = [["SQL ORDER BY random() LIMIT n (baseline)", `median ${fmt(median(baseline))} ms`, ""]];
    for (const strategy of ["SIMPLE", "RISK_WEIGHTED", "STRATIFIED_BY_MAKER"] as const) {
      const phases = { read: [] as number[], draw: [] as number[], records: [] as number[], total: [] as number[] };
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now();
        const population = inCanonicalOrder(await selectPopulation(client, {}, now, strategy));
        const t1 = performance.now();
        populationHash(population);
        const ids = drawSample(population, sampleSize, strategy, `bench-${r}`);
        const t2 = performance.now();
        const drawn = await loadDrawnRecords(client, ids, { connections: 2 });
        const t3 = performance.now();
        if (drawn.length !== sampleSize) throw new Error(`drew ${drawn.length}, expected ${sampleSize}`);
        phases.read.push(t1 - t0);
        phases.draw.push(t2 - t1);
        phases.records.push(t3 - t2);
        phases.total.push(t3 - t0);
      }
      const ms = median(phases.total);
      rows.push([
        `${strategy} 1% draw`,
        `median ${fmt(ms)} ms (population read ${fmt(median(phases.read))}, hash + draw ${fmt(median(phases.draw))}, drawn records ${fmt(median(phases.records))})`,
        `${ms < 1000 ? "meets" : "misses"} < 1 s; ×${fmt(ms / median(baseline), 2)} baseline`,
      ]);
    }
    return {
      name: `spot-check draw of 1% at ${MERCHANTS.toLocaleString("en")} approved merchants on PostgreSQL (median of ${RUNS})`,
      rows,
      summary: `data load ${fmt(loadSeconds)} s`,
    };
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP) console.log(`kept ${db.url}`);
    else await db.drop();
  }
}
