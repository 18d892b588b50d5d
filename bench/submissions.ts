// Submissions per second through the real HTTP path (session cookie → route handler → use case →
// one transaction with its audit event) on PostgreSQL, beside a bare Next.js JSON route served by
// the same server in the same run.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import { alternatingRounds, BENCH_ROUNDS, createBenchDatabase, fmt, runLoad, type RoundsSummary } from "./lib";
import { enterpriseApplication } from "../test/integration/applications";

const PORT = Number(process.env.BENCH_PORT ?? 3901);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const base = `http://127.0.0.1:${PORT}`;

async function waitFor(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not come up at ${url}`);
}

/** BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load. */
function nodeArgs() {
  return (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
}

const row = (label: string, r: RoundsSummary) => [label, `${fmt(r.perSecond)} req/s`, `p50 ${fmt(r.p50)} ms`, `p95 ${fmt(r.p95)} ms (rounds ${r.p95s})`, JSON.stringify(r.statuses)];

export async function benchSubmissions() {
  const db = await createBenchDatabase("submit");
  const env = { ...process.env, DATABASE_URL: db.url, DATA_ENCRYPTION_KEYS: `b1:${crypto.randomBytes(32).toString("base64")}`, BLIND_INDEX_KEY: crypto.randomBytes(32).toString("base64"), SECURE_COOKIES: "0", LOG_LEVEL: "warn", REQUIRE_MFA: "0" };
  Object.assign(process.env, env);
  const server = spawn(process.execPath, [...nodeArgs(), "node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    await waitFor(`${base}/api/health`);
    // Sessions are made through the sign-in use case itself, as the form would.
    const { database } = await import("../lib/server/db");
    const { seedDemoUsers } = await import("../lib/server/demo/seed-demo-users");
    const { seedReferenceData } = await import("../lib/server/reference/seed-reference-data");
    const { signIn } = await import("../lib/server/auth/sign-in");
    const handle = await database();
    await seedReferenceData(handle.prisma);
    await seedDemoUsers(handle.prisma);
    const { token } = await signIn({ username: "clerk", password: "PayeeGuard-demo-1" }, { ip: "127.0.0.9", userAgent: "bench" });
    const headers = { "content-type": "application/json", origin: base, cookie: `payeeguard_session=${token}` };

    const warm = await fetch(`${base}/api/v1/applications`, { method: "POST", headers, body: JSON.stringify({ data: enterpriseApplication() }) });
    if (warm.status !== 201) throw new Error(`warm-up submission answered ${warm.status}: ${await warm.text()}`);
    const bodies = Array.from({ length: 20_000 }, () => JSON.stringify({ data: enterpriseApplication() }));

    let next = 0;
    const { baseline, measure: submissions } = await alternatingRounds(
      BENCH_ROUNDS,
      () => runLoad(CONCURRENCY, SECONDS, async (i) => (await fetch(`${base}/api/v1/ping`, { method: "POST", headers, body: bodies[i % bodies.length] })).status),
      // Every submission a new application: bodies are not reused across rounds.
      () => runLoad(CONCURRENCY, SECONDS, async () => (await fetch(`${base}/api/v1/applications`, { method: "POST", headers, body: bodies[next++ % bodies.length] })).status, bodies.length),
    );
    const stored = await handle.prisma.changeRequest.count();
    const audited = await handle.prisma.auditEvent.count({ where: { action: "change.submitted" } });
    await handle.close();
    return {
      name: `submissions over HTTP on PostgreSQL (${CONCURRENCY} concurrent, ${SECONDS} s each, median of ${BENCH_ROUNDS} rounds)`,
      rows: [
        row("bare Next.js JSON route (baseline)", baseline),
        row("POST /api/v1/applications", submissions),
      ],
      summary: `ratio submissions / baseline = ${fmt(submissions.perSecond / baseline.perSecond, 2)} (target ≥ 0.40); change requests stored ${stored}, change.submitted audit events ${audited}`,
    };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await db.drop();
  }
}
