// Approvals per second and p95 latency with 50 concurrent supervisors on PostgreSQL, through the
// approveChangeRequest use case; baseline: the same approvals made by one supervisor at a time.
import crypto from "node:crypto";
import { BENCH_ROUNDS, createBenchDatabase, fmt, median, percentile } from "./lib";

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

    const rounds: { serialRate: number; serialP50: number; serialP95: number; rate: number; p50: number; p95: number }[] = [];
    for (let round = 0; round < BENCH_ROUNDS; round++) {
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
      const rate = REQUESTS / ((performance.now() - c0) / 1000);
      serialLatencies.sort((a, b) => a - b);
      latencies.sort((a, b) => a - b);
      rounds.push({ serialRate, serialP50: percentile(serialLatencies, 50), serialP95: percentile(serialLatencies, 95), rate, p50: percentile(latencies, 50), p95: percentile(latencies, 95) });
    }
    const m = (pick: (r: (typeof rounds)[number]) => number) => median(rounds.map(pick));
    const each = (pick: (r: (typeof rounds)[number]) => number) => rounds.map((r) => fmt(pick(r), 0)).join(" / ");
    return {
      name: `approvals on PostgreSQL (approveChangeRequest: authorise, version check, master-data version, audit event; median of ${BENCH_ROUNDS} rounds)`,
      rows: [
        ["1 supervisor, one at a time (baseline)", `${fmt(m((r) => r.serialRate))} approvals/s`, `p50 ${fmt(m((r) => r.serialP50))} ms`, `p95 ${fmt(m((r) => r.serialP95))} ms (rounds ${each((r) => r.serialP95)})`],
        [`${SUPERVISORS} concurrent supervisors`, `${fmt(m((r) => r.rate))} approvals/s`, `p50 ${fmt(m((r) => r.p50))} ms`, `p95 ${fmt(m((r) => r.p95))} ms (rounds ${each((r) => r.p95)})`],
      ],
      summary: `${REQUESTS} distinct requests approved concurrently, ${SERIAL} serially, in each round`,
    };
  } finally {
    await handle.close();
    await db.drop();
  }
}
