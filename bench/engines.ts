// Submissions per second over HTTP on the embedded database (PGlite, one connection in the app
// process) beside the same server on PostgreSQL, in the same run, same load and same build.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startApp, type AppProcess } from "../test/system/app-process";
import { uniqueApplicationBody } from "../test/system/submissions";
import { alternatingRounds, BENCH_ROUNDS, createBenchDatabase, fmt, runLoad, type LoadResult, type RoundsSummary } from "./lib";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3902);

/** Reference data, demo users and a clerk's session, written through the app's own code. */
async function prepare(db: import("../lib/server/db").Database) {
  const { installDatabaseForTests } = await import("../lib/server/db");
  const { applyPendingMigrations } = await import("../lib/server/db/migrations");
  const { seedReferenceData } = await import("../lib/server/reference/seed-reference-data");
  const { seedDemoUsers } = await import("../lib/server/demo/seed-demo-users");
  const { signIn } = await import("../lib/server/auth/sign-in");
  await applyPendingMigrations(db.sql);
  installDatabaseForTests(db);
  await seedReferenceData(db.prisma);
  await seedDemoUsers(db.prisma);
  const { token } = await signIn({ username: "clerk", password: "PayeeGuard-demo-1" }, { ip: "127.0.0.9", userAgent: "bench" });
  return `payeeguard_session=${token}`;
}

async function load(app: AppProcess, cookie: string): Promise<LoadResult> {
  const headers = { "content-type": "application/json", origin: app.base, cookie };
  const once = async () => (await fetch(`${app.base}/api/v1/applications`, { method: "POST", headers, body: uniqueApplicationBody() })).status;
  if ((await once()) !== 201) throw new Error(`warm-up submission refused:\n${app.output()}`);
  return runLoad(CONCURRENCY, SECONDS, once);
}

export async function benchEngines() {
  Object.assign(process.env, { DATA_ENCRYPTION_KEYS: `b1:${crypto.randomBytes(32).toString("base64")}`, BLIND_INDEX_KEY: crypto.randomBytes(32).toString("base64"), SECURE_COOKIES: "0" });
  const { openPglite, openPostgres } = await import("../lib/server/db/engine");

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pglite-"));
  const embeddedDb = await openPglite(path.join(dataDir, "pglite"));
  const embeddedCookie = await prepare(embeddedDb);
  await embeddedDb.close();
  const server = await createBenchDatabase("engines");
  try {
    const serverDb = openPostgres(server.url);
    const serverCookie = await prepare(serverDb);
    await serverDb.close();
    const runOn = async (env: Record<string, string | undefined>, cookie: string) => {
      const app = await startApp(PORT, env);
      return load(app, cookie).finally(() => app.stop());
    };
    const { baseline: postgres, measure: embedded } = await alternatingRounds(
      BENCH_ROUNDS,
      () => runOn({ DATABASE_URL: server.url }, serverCookie),
      () => runOn({ DATABASE_URL: undefined, DATA_DIR: dataDir, DATA_ENCRYPTION_KEYS: undefined, BLIND_INDEX_KEY: undefined }, embeddedCookie),
    );
    const row = (label: string, r: RoundsSummary) => [label, `${fmt(r.perSecond)} req/s`, `p50 ${fmt(r.p50)} ms`, `p95 ${fmt(r.p95)} ms (rounds ${r.p95s})`, JSON.stringify(r.statuses)];
    return {
      name: `submissions over HTTP: embedded PGlite beside PostgreSQL (${CONCURRENCY} concurrent, ${SECONDS} s each, median of ${BENCH_ROUNDS} rounds)`,
      rows: [row("PostgreSQL server (baseline)", postgres), row("embedded PGlite", embedded)],
      summary: `ratio PGlite / PostgreSQL = ${fmt(embedded.perSecond / postgres.perSecond, 2)} (PGlite serialises every transaction on one connection: it is the demo and single-user engine)`,
    };
  } finally {
    await server.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
