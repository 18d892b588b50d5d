// The merchant search page over HTTP at 1,000,000 merchants on PostgreSQL (session cookie → page →
// listMerchants → server-rendered HTML), beside GET /ping, a bare dynamic page of the same server,
// at the same concurrency in the same run. Median of rounds; the two alternate which goes first.
import crypto from "node:crypto";
import { startBenchApp } from "./bench-app";
import { alternatingRounds, BENCH_ROUNDS, fmt, percentile, runLoad, type RoundsSummary } from "./lib";
import { accountNo, legalName, loadMerchants, merchantNo } from "./million-merchants";

const MERCHANTS = Number(process.env.BENCH_MERCHANTS ?? 1_000_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = BENCH_ROUNDS;
const PORT = Number(process.env.BENCH_PORT ?? 3903);

/** What a clerk types, and how many approved merchants it should find. */
const QUERY_KINDS = {
  "merchant number": { q: (i: number) => merchantNo(i), finds: 1 },
  // 5 digits after the common prefix: the merchant itself and the ten whose number extends it.
  "name prefix": { q: (i: number) => legalName(10_000 + (i % 90_000)), finds: 11 },
  "full account number": { q: (i: number) => accountNo(i), finds: 1 },
  // Last 4 digits are deliberately not searchable (masked accounts): the same 4 digits find nothing.
  "account last 4": { q: (i: number) => accountNo(i).slice(-4), finds: 0 },
} as const;
type Kind = keyof typeof QUERY_KINDS;
const KINDS = Object.keys(QUERY_KINDS) as Kind[];

const searchUrl = (base: string, kind: Kind, i: number) => `${base}/merchants?${new URLSearchParams({ q: QUERY_KINDS[kind].q(i) })}`;

export async function benchMerchantSearchHttp() {
  let loadSeconds = 0;
  const bench = await startBenchApp("msearch", PORT, async (db) => {
    const { blindIndex } = await import("../lib/server/crypto/sensitive");
    loadSeconds = await loadMerchants(db.sql, MERCHANTS, (account) => blindIndex("account-no", account));
  });
  try {
    const { base } = bench.app;
    const headers = { cookie: await bench.sessionCookie("clerk") };
    const get = async (url: string) => {
      const response = await fetch(url, { headers, redirect: "manual" });
      return { status: response.status, html: await response.text() };
    };
    // Each kind finds what it should (the page's count line), and the session is not sent elsewhere.
    for (const kind of KINDS) {
      const i = crypto.randomInt(MERCHANTS);
      const { status, html } = await get(searchUrl(base, kind, i));
      const count = /共 (\d+) 条|(\d+) in all/.exec(html);
      const found = Number(count?.[1] ?? count?.[2] ?? NaN);
      if (status !== 200 || found !== QUERY_KINDS[kind].finds) throw new Error(`${kind} search for merchant ${i}: HTTP ${status}, found ${found}, expected ${QUERY_KINDS[kind].finds}`);
    }
    if ((await get(`${base}/ping`)).status !== 200) throw new Error("GET /ping did not answer 200");

    const byKind = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
    const searchOnce = async (i: number) => {
      const kind = KINDS[i % KINDS.length]!;
      const t0 = performance.now();
      const { status } = await get(searchUrl(base, kind, crypto.randomInt(MERCHANTS)));
      byKind[kind].push(performance.now() - t0);
      return status;
    };
    const pingOnce = async () => (await get(`${base}/ping`)).status;
    const { baseline: ping, measure: search } = await alternatingRounds(ROUNDS, () => runLoad(CONCURRENCY, SECONDS, pingOnce), () => runLoad(CONCURRENCY, SECONDS, searchOnce));
    const row = (label: string, s: RoundsSummary) => [label, `${fmt(s.perSecond)} req/s`, `p50 ${fmt(s.p50)} ms`, `p95 ${fmt(s.p95)} ms (rounds ${s.p95s})`, JSON.stringify(s.statuses)];
    const kindRows = KINDS.map((kind) => {
      const sorted = byKind[kind].sort((a, b) => a - b);
      return [`… ${kind} (finds ${QUERY_KINDS[kind].finds}; all rounds pooled)`, `${sorted.length} requests`, `p50 ${fmt(percentile(sorted, 50))} ms`, `p95 ${fmt(percentile(sorted, 95))} ms`, ""];
    });
    return {
      name: `merchant search page over HTTP at ${MERCHANTS.toLocaleString("en")} merchants on PostgreSQL beside a bare dynamic page (${CONCURRENCY} concurrent, ${SECONDS} s each, median of ${ROUNDS} rounds)`,
      rows: [row("GET /ping, bare dynamic page (baseline)", ping), row("GET /merchants?q=… as a clerk, 4 query kinds in turn", search), ...kindRows],
      summary: `ratio search / baseline: p95 ×${fmt(search.p95 / ping.p95, 2)}, p50 ×${fmt(search.p50 / ping.p50, 2)}, throughput ${fmt(search.perSecond / ping.perSecond, 2)}; production build (next start), one server; data load ${fmt(loadSeconds)} s`,
    };
  } finally {
    await bench.close();
  }
}
