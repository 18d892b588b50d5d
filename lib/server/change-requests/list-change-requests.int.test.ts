import { beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows, enterpriseApplication } from "@/test/integration/applications";
import { listChangeRequests } from "./list-change-requests";

let clerk: Awaited<ReturnType<typeof seedActor>>;
const ids: string[] = [];

beforeAll(async () => {
  await ensureReferenceRows();
  clerk = await seedActor("CLERK");
  for (let i = 0; i < 45; i++) ids.push((await submitApplication({ actor: clerk, input: { data: enterpriseApplication() }, requestMeta: meta() })).changeRequestId);
  // Two at the same instant: the id breaks the tie, both ways.
  const db = await prisma();
  await db.changeRequest.updateMany({ where: { id: { in: [ids[20]!, ids[21]!] } }, data: { submittedAt: new Date("2026-12-01T08:00:00Z") } });
}, 120_000);

describe("the change-request list, newest first", () => {
  it("pages forward to the end and back to the start, each page the same both ways, every request once", async () => {
    const list = (query: Record<string, string>) => listChangeRequests(clerk, { mine: "1", ...query });
    const forward = [await list({})];
    while (forward.at(-1)!.nextCursor) forward.push(await list({ after: forward.at(-1)!.nextCursor! }));
    expect(forward.map((p) => p.requests.length)).toEqual([20, 20, 5]);
    expect(forward[0]!.prevCursor).toBeUndefined();
    expect(forward.every((p) => p.total === 45)).toBe(true);
    const seen = forward.flatMap((p) => p.requests.map((r) => r.id));
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen).toHaveLength(45);

    const back = [forward.at(-1)!];
    while (back.at(-1)!.prevCursor) back.push(await list({ before: back.at(-1)!.prevCursor! }));
    expect(back.map((p) => p.requests.map((r) => r.id))).toEqual([...forward].reverse().map((p) => p.requests.map((r) => r.id)));
    expect(back.at(-1)!.prevCursor).toBeUndefined();
    expect(back.at(-1)!.nextCursor).toBe(forward[0]!.nextCursor);
  });
});
