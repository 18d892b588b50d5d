// Audit chain verification over 1,000,000 events on PostgreSQL: verifyAuditChain (what the
// verification screen, `npm run audit:verify` and the checkpoint job run) beside an SQL-only
// verifier in the same run — the same canonical text, SHA-256 and links, computed inside
// PostgreSQL by one statement (bench/sql-verifier.ts), so nothing crosses the wire.
import crypto from "node:crypto";
import { createBenchDatabase, fmt, median } from "./lib";
import { SQL_CANONICAL_FUNCTION, SQL_VERIFY_CHAIN } from "./sql-verifier";

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH = 20_000;


/** Event bodies shaped like the real ones: nested objects, arrays, nulls, Chinese text. */
function eventBody(i: number) {
  switch (i % 4) {
    case 0:
      return { action: "change.submitted", entity: "change-request", before: null, after: { reference: `CR-${i}`, merchantId: `m${i}`, accountLast4: String(i % 10_000).padStart(4, "0"), risk: { highRisk: i % 9 === 0, flags: i % 9 === 0 ? ["NEW_ACCOUNT", "SHARED_PHONE"] : [] } } };
    case 1:
      return { action: "change.verified", entity: "change-request", before: { status: "AWAITING_VERIFICATION" }, after: { status: "AWAITING_APPROVAL", matched: true, fields: { accountNo: true, accountName: true, cnaps: true, creditCode: true } } };
    case 2:
      return { action: "change.approved", entity: "change-request", before: { status: "AWAITING_APPROVAL" }, after: { status: "EFFECTIVE", merchantVersion: 1 + (i % 5), note: "核对无误" } };
    default:
      return { action: "auth.sign-in", entity: "user", before: null, after: { mfa: i % 2 === 0 } };
  }
}

async function load(sql: { query: (text: string, params?: unknown[]) => Promise<unknown> }) {
  const { canonicalAuditRow, GENESIS_HASH } = await import("../lib/domain/audit/canonical");
  const { hashAuditRow } = await import("../lib/server/audit/record-audit-event");
  let prevHash = GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  for (let from = 1; from <= EVENTS; from += BATCH) {
    const cols = { seq: [] as string[], at: [] as string[], actorId: [] as (string | null)[], actorName: [] as (string | null)[], action: [] as string[], entity: [] as string[], entityId: [] as string[], ip: [] as string[], ua: [] as string[], before: [] as (string | null)[], after: [] as string[], prev: [] as string[], hash: [] as string[] };
    for (let seq = from; seq < Math.min(EVENTS + 1, from + BATCH); seq++) {
      const body = eventBody(seq);
      const row = { seq: BigInt(seq), at: new Date(start + seq * 1000), actorId: `user-${seq % 50}`, actorName: `clerk${seq % 50}`, action: body.action, entity: body.entity, entityId: `e-${seq}`, ip: "10.0.0.1", userAgent: "bench", before: body.before, after: body.after };
      const hash = hashAuditRow(prevHash, canonicalAuditRow(row));
      cols.seq.push(String(seq));
      cols.at.push(row.at.toISOString());
      cols.actorId.push(row.actorId);
      cols.actorName.push(row.actorName);
      cols.action.push(row.action);
      cols.entity.push(row.entity);
      cols.entityId.push(row.entityId);
      cols.ip.push(row.ip);
      cols.ua.push(row.userAgent);
      cols.before.push(row.before === null ? null : JSON.stringify(row.before));
      cols.after.push(JSON.stringify(row.after));
      cols.prev.push(prevHash);
      cols.hash.push(hash);
      prevHash = hash;
    }
    await sql.query(
      `INSERT INTO "AuditEvent" (seq, at, "actorId", "actorName", action, entity, "entityId", ip, "userAgent", before, after, "prevHash", hash)
       SELECT s::bigint, a::timestamp(3), ai, an, ac, en, ei, ip, ua, b::jsonb, af::jsonb, p, h
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
         AS t(s, a, ai, an, ac, en, ei, ip, ua, b, af, p, h)`,
      [cols.seq, cols.at, cols.actorId, cols.actorName, cols.action, cols.entity, cols.entityId, cols.ip, cols.ua, cols.before, cols.after, cols.prev, cols.hash],
    );
  }
  // The head may only advance one event at a time (a trigger); the bulk load moves it once, trigger off.
  await sql.query(`ALTER TABLE "AuditChainHead" DISABLE TRIGGER "AuditChainHead_forward_only"`);
  await sql.query(`UPDATE "AuditChainHead" SET seq = $1, hash = $2 WHERE id = 1`, [EVENTS, prevHash]);
  await sql.query(`ALTER TABLE "AuditChainHead" ENABLE TRIGGER "AuditChainHead_forward_only"`);
  await sql.query(`VACUUM ANALYZE "AuditEvent"`);
}

export async function benchAuditVerify() {
  const db = await createBenchDatabase("audit");
  process.env.DATABASE_URL = db.url;
  process.env.BLIND_INDEX_KEY ??= crypto.randomBytes(32).toString("base64");
  process.env.DATA_ENCRYPTION_KEYS ??= `b1:${crypto.randomBytes(32).toString("base64")}`;
  const { database, prisma } = await import("../lib/server/db");
  const { verifyAuditChain } = await import("../lib/server/audit/verify-chain");
  const handle = await database();
  try {
    const loadStart = performance.now();
    await load(handle.sql);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    await handle.sql.query(SQL_CANONICAL_FUNCTION);
    const client = await prisma();

    const sqlOnly: number[] = [];
    const ours: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      let t0 = performance.now();
      const [bad] = await handle.sql.query<{ broken: string | null; checked: string }>(SQL_VERIFY_CHAIN);
      sqlOnly.push(performance.now() - t0);
      if (bad?.broken !== null || Number(bad?.checked) !== EVENTS) throw new Error(`SQL-only verifier disagrees: ${JSON.stringify(bad)}`);
      t0 = performance.now();
      const verdict = await verifyAuditChain(client);
      ours.push(performance.now() - t0);
      if (!verdict.intact || verdict.through !== BigInt(EVENTS)) throw new Error(`verifyAuditChain: ${JSON.stringify(verdict, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`);
    }
    const rate = (ms: number) => EVENTS / (ms / 1000);
    const [sqlRate, ourRate] = [rate(median(sqlOnly)), rate(median(ours))];
    return {
      name: `audit chain verification over ${EVENTS.toLocaleString("en")} events on PostgreSQL (median of ${RUNS})`,
      rows: [
        ["SQL-only verifier, one statement (baseline)", `${fmt(median(sqlOnly) / 1000, 2)} s`, `${Math.round(sqlRate).toLocaleString("en")} events/s`],
        ["verifyAuditChain (app)", `${fmt(median(ours) / 1000, 2)} s`, `${Math.round(ourRate).toLocaleString("en")} events/s`],
      ],
      summary: `ratio app / SQL-only ${fmt(ourRate / sqlRate, 2)} (target ≥ 0.8); data load ${fmt(loadSeconds)} s`,
    };
  } finally {
    await handle.close();
    await db.drop();
  }
}
