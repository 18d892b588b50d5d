import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { problem, refusal, type TProblem } from "./problem";

export type StoredResponse = { status: number; body: unknown; headers?: Record<string, string> };

const KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;

export function requestHash(method: string, path: string, bodyText: string) {
  return crypto.createHash("sha256").update(`${method} ${path}\n`).update(bodyText).digest("hex");
}

/**
 * Insert first: the unique (owner, key) pair decides which of several concurrent duplicates runs;
 * a check-then-insert would let each see "no record yet" and run. A record older than 24 hours
 * no longer counts (keys are for retries, not forever), so the same statement takes it over.
 */
async function claim(owner: string, key: string, hash: string, method: string, path: string) {
  const db = await prisma();
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "IdempotencyRecord" ("id", "owner", "key", "requestHash", "method", "path", "createdAt")
    VALUES (${crypto.randomUUID()}, ${owner}, ${key}, ${hash}, ${method}, ${path}, now())
    ON CONFLICT ("owner", "key") DO UPDATE
      SET "id" = EXCLUDED."id", "requestHash" = EXCLUDED."requestHash", "method" = EXCLUDED."method", "path" = EXCLUDED."path",
          "createdAt" = now(), "responseStatus" = NULL, "responseBody" = NULL, "completedAt" = NULL
      WHERE "IdempotencyRecord"."createdAt" < now() - interval '24 hours'
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/** Refusals worth replaying are the request's own fault; a 5xx, throttling or maintenance may pass on retry. */
function worthStoring(status: number) {
  return status < 500 && status !== 429;
}

function mismatch(code: "IDEMPOTENCY_MISMATCH" | "IDEMPOTENCY_IN_PROGRESS", status: number): StoredResponse {
  const body: TProblem = problem(code, status, code === "IDEMPOTENCY_MISMATCH" ? { _header: ["validation.http.idempotencyMismatch"] } : {});
  return { status, body, headers: { "Content-Type": "application/problem+json", ...(status === 409 ? { "Retry-After": "1" } : {}) } };
}

/**
 * Runs a POST at most once per (owner, Idempotency-Key): the first response is stored and replayed
 * on a repeat; the same key with another body is refused with 422; a repeat that arrives while the
 * first still runs gets 409 and Retry-After.
 */
export async function withIdempotency(
  { owner, key, method, path, bodyText }: { owner: string; key: string | null; method: string; path: string; bodyText: string },
  run: () => Promise<StoredResponse>,
): Promise<StoredResponse> {
  if (key === null) return run();
  if (!KEY_PATTERN.test(key)) throw new UseCaseError("VALIDATION", { _header: ["validation.http.idempotencyKey"] });
  const hash = requestHash(method, path, bodyText);
  const db = await prisma();
  const id = await claim(owner, key, hash, method, path);
  if (!id) {
    const first = await db.idempotencyRecord.findUnique({ where: { owner_key: { owner, key } } });
    if (!first || first.requestHash !== hash) return mismatch("IDEMPOTENCY_MISMATCH", 422);
    if (first.completedAt === null || first.responseStatus === null) return mismatch("IDEMPOTENCY_IN_PROGRESS", 409);
    const type: Record<string, string> = first.responseStatus >= 400 ? { "Content-Type": "application/problem+json" } : {};
    return { status: first.responseStatus, body: first.responseBody, headers: { "Idempotent-Replayed": "true", ...type } };
  }
  let response: StoredResponse;
  try {
    response = await run();
  } catch (err) {
    if (!(err instanceof UseCaseError)) {
      await db.idempotencyRecord.deleteMany({ where: { id } });
      throw err;
    }
    response = refusal(err);
  }
  if (worthStoring(response.status)) {
    await db.idempotencyRecord.update({ where: { id }, data: { responseStatus: response.status, responseBody: response.body as Prisma.InputJsonValue, completedAt: new Date() } });
  } else {
    await db.idempotencyRecord.deleteMany({ where: { id } });
  }
  return response;
}
