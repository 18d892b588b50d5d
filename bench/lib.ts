// Shared helpers for the benchmarks: a fresh PostgreSQL database, percentiles, a bounded load loop.
import crypto from "node:crypto";
import pg from "pg";

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`benchmarks only run against this machine, not ${host}`);
}

export async function createBenchDatabase(tag: string) {
  assertLocal(ADMIN_URL);
  // BENCH_DATABASE_PREFIX lets runs sharing one server tell their databases apart.
  const name = `${process.env.BENCH_DATABASE_PREFIX ?? "bench"}_${tag}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export type LoadResult = { completed: number; failed: number; seconds: number; perSecond: number; p50: number; p95: number; statuses: Record<string, number> };

/** Runs `concurrency` workers calling `once` until `seconds` pass (bounded in time and count). */
export async function runLoad(concurrency: number, seconds: number, once: (i: number) => Promise<number>, maxCalls = 100_000): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let calls = 0;
  let failed = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && calls < maxCalls) {
        const i = calls++;
        const t0 = performance.now();
        try {
          const status = await once(i);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 400) failed++;
        } catch {
          failed++;
          statuses.error = (statuses.error ?? 0) + 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const completed = latencies.length - failed;
  return { completed, failed, seconds: elapsed, perSecond: completed / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), statuses };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const BENCH_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export type RoundsSummary = { perSecond: number; p50: number; p95: number; p95s: string; statuses: Record<string, number> };

/** Median rate and latencies over rounds of one measure, each round's p95 kept for the report. */
export function summariseRounds(results: LoadResult[]): RoundsSummary {
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  return { perSecond: median(results.map((r) => r.perSecond)), p50: median(results.map((r) => r.p50)), p95: median(results.map((r) => r.p95)), p95s: results.map((r) => fmt(r.p95, 0)).join(" / "), statuses };
}

/** Rounds of a measure and its baseline, taking turns to go first so neither always runs warmer. */
export async function alternatingRounds(rounds: number, baseline: () => Promise<LoadResult>, measure: () => Promise<LoadResult>) {
  const out: { baseline: LoadResult; measure: LoadResult }[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      const b = await baseline();
      out.push({ baseline: b, measure: await measure() });
    } else {
      const m = await measure();
      out.push({ baseline: await baseline(), measure: m });
    }
  }
  return { baseline: summariseRounds(out.map((r) => r.baseline)), measure: summariseRounds(out.map((r) => r.measure)) };
}

export function fmt(n: number, digits = 1) {
  return n.toFixed(digits);
}
