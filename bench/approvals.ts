// Approvals per second and p95 latency with 50 concurrent supervisors on PostgreSQL, through the
// approveChangeRequest use case; baseline: the same approvals made by one supervisor at a time.
import crypto from "node:crypto";
import { createBenchDatabase, fmt, percentile } from "./lib";

const SUPERVISORS = Number(process.env.BENCH_SUPERVISORS ?? 50);
const REQUESTS = Number(process.env.BENCH_APPROVALS ?? 600);
const SERIAL = Number(process.env.BENCH_SERIAL_APPROVALS ?? 100);

export async function benchApprovals() {
  const db = await createBenchDatabase("approve");
  process.env.DATABASE_URL = db.url;
  process.env.BLIND_INDEX_KEY ??= crypto.randomBytes(32).toString("base64");
  process.env.DATA_ENCRYPTION_KEYS ??= `b1:${crypto.randomBytes(32).toString("base64")}`;
  const { database } = await import("../lib/server/db");
  const { approveChangeRequest } = await import("../lib/server/workflow/approve-change-request");
  const { seedActor, meta } = await import("../test/integration/actors");
  const { ensureReferenceRows } = await import("../test/integration/applications");
  const { verifiedRequest } = await import("../test/integration/workflow");
  const handle = await database();
  try {
    await ensureReferenceRows();
    const [maker, verifier] = [await seedActor("CLERK"), await seedActor("CLERK")];
    const supervisors = await Promise.all(Array.from({ length: SUPERVISORS }, () => seedActor("SUPERVISOR")));
    const prepare = async (n: number) => {
      const out = [];
      for (let i = 0; i < n; i++) out.push((await verifiedRequest(maker, verifier)).request);
      return out;
    };
    const approveOne = async (s: (typeof supervisors)[number], r: { id: string; version: number; riskFlags: unknown }) => {
      const t0 = performance.now();
      const acknowledgedFlags = ((r.riskFlags as { code: string }[] | null) ?? []).map((f) => f.code);
      await approveChangeRequest({ actor: s, input: { changeRequestId: r.id, version: r.version, acknowledgedFlags }, requestMeta: meta("127.0.0.8") });
      return performance.now() - t0;
    };

    const serial = await prepare(SERIAL);
    const serialLatencies: number[] = [];
    const s0 = performance.now();
    for (const r of serial) serialLatencies.push(await approveOne(supervisors[0]!, r));
    const serialRate = SERIAL / ((performance.now() - s0) / 1000);

    const queue = await prepare(REQUESTS);
    const latencies: number[] = [];
    const c0 = performance.now();
    await Promise.all(
      supervisors.map(async (s, k) => {
        for (let i = k; i < queue.length; i += supervisors.length) latencies.push(await approveOne(s, queue[i]!));
      }),
    );
    const concurrentRate = REQUESTS / ((performance.now() - c0) / 1000);
    serialLatencies.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    return {
      name: `approvals on PostgreSQL (approveChangeRequest: authorise, version check, master-data version, audit event)`,
      rows: [
        ["1 supervisor, one at a time (baseline)", `${fmt(serialRate)} approvals/s`, `p50 ${fmt(percentile(serialLatencies, 50))} ms`, `p95 ${fmt(percentile(serialLatencies, 95))} ms`],
        [`${SUPERVISORS} concurrent supervisors`, `${fmt(concurrentRate)} approvals/s`, `p50 ${fmt(percentile(latencies, 50))} ms`, `p95 ${fmt(percentile(latencies, 95))} ms`],
      ],
      summary: `${REQUESTS} distinct requests approved concurrently, ${SERIAL} serially`,
    };
  } finally {
    await handle.close();
    await db.drop();
  }
}
