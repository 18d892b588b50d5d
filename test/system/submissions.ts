import { enterpriseApplication } from "@/test/integration/applications";

/** Terminal IDs unique within a run: random ones collide (8 digits) about once per 10,000 entries. */
const runTag = Math.floor(Math.random() * 36 ** 3).toString(36).toUpperCase().padStart(3, "0");
let serial = 0;
export function uniqueTerminalId() {
  return `${runTag}${(serial++).toString(36).toUpperCase().padStart(5, "0")}`;
}

export function uniqueApplicationBody() {
  return JSON.stringify({ data: enterpriseApplication({ terminalId: uniqueTerminalId() }) });
}

export type SubmissionRun = { acknowledged: string[]; statuses: Record<string, number>; stoppedEarly: boolean };

/**
 * Fires `count` applications at POST /api/v1/applications with `concurrency` connections. A 201 is
 * an acknowledged submission: its change-request id is kept. A refused connection (the server was
 * killed) counts as "error". `stop()` returning true ends the run early (crash tests).
 */
export async function submitApplications(base: string, cookie: string, count: number, concurrency: number, stop: (run: SubmissionRun) => boolean = () => false): Promise<SubmissionRun> {
  const run: SubmissionRun = { acknowledged: [], statuses: {}, stoppedEarly: false };
  const headers = { "content-type": "application/json", origin: base, cookie };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && !run.stoppedEarly) {
        next++;
        let status = "error";
        try {
          const response = await fetch(`${base}/api/v1/applications`, { method: "POST", headers, body: uniqueApplicationBody() });
          status = String(response.status);
          const body = (await response.json().catch(() => null)) as { changeRequestId?: string } | null;
          if (response.status === 201 && body?.changeRequestId) run.acknowledged.push(body.changeRequestId);
        } catch {}
        run.statuses[status] = (run.statuses[status] ?? 0) + 1;
        if (stop(run)) run.stoppedEarly = true;
      }
    }),
  );
  return run;
}

export const serverErrors = (statuses: Record<string, number>) => Object.entries(statuses).filter(([s]) => /^5\d\d$/.test(s)).reduce((n, [, k]) => n + k, 0);
