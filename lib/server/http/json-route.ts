import "server-only";
import { HTTP_STATUS, UseCaseError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { assertWritable } from "@/lib/server/maintenance/guard";

const MAX_BODY_BYTES = 1_000_000;

/** "null" (sandboxed frames, file: pages) and garbage are no origin at all. */
function originHost(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Next.js checks Origin only for server actions; a cookie-authenticated route handler must do it
 * itself, or any site could post with the user's cookie.
 */
export function assertSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (site && site !== "same-origin" && site !== "none") throw new UseCaseError("FORBIDDEN", { _form: ["validation.http.crossSite"] });
  if (!origin || !host || originHost(origin) !== host) throw new UseCaseError("FORBIDDEN", { _form: ["validation.http.crossSite"] });
}

export async function readJsonBody(request: Request): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new UseCaseError("VALIDATION", { _body: ["validation.http.contentType"] });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new UseCaseError("VALIDATION", { _body: ["validation.http.tooLarge"] });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UseCaseError("VALIDATION", { _body: ["validation.http.malformedJson"] });
  }
}

/** While read-only: 503 with Retry-After, so integrations back off instead of retrying at once. */
function refusalHeaders(err: UseCaseError): Record<string, string> {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (err.code === "MAINTENANCE") headers["Retry-After"] = String(err.params.retryAfterSeconds ?? 300);
  return headers;
}

/**
 * Runs a handler and turns refusals into their HTTP status with field errors; never a bare 500 page.
 * Like asActionResult, a handler is a mutation (refused while read-only) unless marked read-only-safe.
 */
export async function jsonResponse(run: () => Promise<{ status?: number; body: unknown }>, kind: "mutation" | "read-only-safe" = "mutation") {
  try {
    if (kind === "mutation") await assertWritable();
    const { status = 200, body } = await run();
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (err instanceof UseCaseError) {
      return Response.json({ error: err.code, fieldErrors: err.fieldErrors, params: err.params }, { status: err.code === "VALIDATION" ? 422 : HTTP_STATUS[err.code], headers: refusalHeaders(err) });
    }
    logger.error({ err }, "unexpected error in an API route");
    return Response.json({ error: "UNEXPECTED" }, { status: 500 });
  }
}
