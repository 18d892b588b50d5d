import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/server/db";
import { meta, seedActor, seedUser } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows } from "@/test/integration/applications";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { requestHash, withIdempotency, type StoredResponse } from "./idempotency";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers({ "x-forwarded-for": "10.78.0.1", "user-agent": "idempotency-test" }),
}));

beforeAll(ensureReferenceRows);

async function newToken() {
  const { token } = await createApiToken({
    actor: await seedActor("ADMIN"),
    input: { name: "Idempotent portal", scopes: ["applications:write"], actingUserId: (await seedUser("CLERK")).id, lifetime: "30" },
    requestMeta: meta(),
  });
  return token;
}

async function post(token: string, key: string, body: unknown) {
  const { POST } = await import("@/app/api/v1/applications/route");
  return POST(new Request("http://localhost/api/v1/applications", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key }, body: JSON.stringify(body) }));
}

const pause = () => new Promise((r) => setTimeout(r, 50));

/** What "idempotency" looks like without the unique constraint: look for a record, run, then store. */
async function naiveIdempotency(owner: string, key: string, run: () => Promise<StoredResponse>): Promise<StoredResponse> {
  const db = await prisma();
  const first = await db.idempotencyRecord.findUnique({ where: { owner_key: { owner, key } } });
  if (first) return { status: first.responseStatus!, body: first.responseBody };
  const response = await run();
  await db.idempotencyRecord.createMany({
    data: [{ id: crypto.randomUUID(), owner, key, requestHash: requestHash("POST", "/x", ""), method: "POST", path: "/x", responseStatus: response.status, responseBody: response.body as object, completedAt: new Date() }],
    skipDuplicates: true,
  });
  return response;
}

describe("Idempotency-Key", () => {
  it("replays the first response to a repeat, and creates one change request", async () => {
    const token = await newToken();
    const body = { data: enterpriseApplication() };
    const key = crypto.randomUUID();
    const first = await post(token, key, body);
    expect(first.status).toBe(201);
    const created = await first.json();
    const again = await post(token, key, body);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(created);
    expect(await (await prisma()).changeRequest.count({ where: { creditCode: body.data.merchant.creditCode } })).toBe(1);
  });

  it("refuses the same key with a different body (422), and keys are per token", async () => {
    const token = await newToken();
    const key = crypto.randomUUID();
    expect((await post(token, key, { data: enterpriseApplication() })).status).toBe(201);
    const other = { data: enterpriseApplication() };
    const mismatch = await post(token, key, other);
    expect(mismatch.status).toBe(422);
    expect(await mismatch.json()).toMatchObject({ code: "IDEMPOTENCY_MISMATCH" });
    expect(await (await prisma()).changeRequest.count({ where: { creditCode: other.data.merchant.creditCode } })).toBe(0);
    // Another integration may use the same key for its own request.
    expect((await post(await newToken(), key, other)).status).toBe(201);
  });

  it("replays a refusal too: an invalid body stays refused under its key", async () => {
    const token = await newToken();
    const key = crypto.randomUUID();
    const bad = { data: { merchant: 1 } };
    expect((await post(token, key, bad)).status).toBe(422);
    const replay = await post(token, key, bad);
    expect(replay.status).toBe(422);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses a malformed key", async () => {
    const response = await post(await newToken(), "has spaces in it", { data: enterpriseApplication() });
    expect(response.status).toBe(422);
  });

  it("runs exactly once under concurrent duplicates over HTTP", async () => {
    const token = await newToken();
    const body = { data: enterpriseApplication() };
    const key = crypto.randomUUID();
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(token, key, body)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await (await prisma()).changeRequest.count({ where: { creditCode: body.data.merchant.creditCode } })).toBe(1);
  });

  it("the insert-first claim lets one of ten concurrent duplicates run; the naive check-then-insert runs several", async () => {
    const owner = `test:${crypto.randomUUID()}`;
    let executions = 0;
    const run = async (): Promise<StoredResponse> => {
      executions++;
      await pause();
      return { status: 201, body: { n: executions } };
    };
    const claimed = await Promise.all(Array.from({ length: 10 }, () => withIdempotency({ owner, key: "k1", method: "POST", path: "/x", bodyText: "{}" }, run)));
    expect(executions).toBe(1);
    expect(claimed.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(claimed.every((r) => r.status === 201 || r.status === 409)).toBe(true);

    executions = 0;
    await Promise.all(Array.from({ length: 10 }, () => naiveIdempotency(owner, "k2", run)));
    // Every caller looked before any stored: the "same" request ran more than once (a double create).
    expect(executions).toBeGreaterThan(1);
  });
});
