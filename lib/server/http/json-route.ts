import "server-only";
import { UseCaseError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { assertWritable } from "@/lib/server/maintenance/guard";
import { problem, problemResponse, refusal } from "./problem";

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

/**
 * The body as text, refused as soon as it is known to be too large: by its Content-Length before a
 * byte is read, or mid-stream when a chunked body passes the cap, so an oversized upload is never
 * held in memory whole.
 */
async function readCappedText(request: Request, maxBytes: number) {
  const tooLarge = () => new UseCaseError("VALIDATION", { _body: ["validation.http.tooLarge"] });
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The body as sent (for the idempotency hash) and as parsed. */
export async function readJsonText(request: Request): Promise<{ text: string; json: unknown }> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new UseCaseError("VALIDATION", { _body: ["validation.http.contentType"] });
  }
  const text = await readCappedText(request, MAX_BODY_BYTES);
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch {
    throw new UseCaseError("VALIDATION", { _body: ["validation.http.malformedJson"] });
  }
}

export async function readJsonBody(request: Request): Promise<unknown> {
  return (await readJsonText(request)).json;
}

/** A refusal as an RFC 9457 problem+json response with field-level errors. */
export function refusalResponse(err: UseCaseError) {
  const { body, headers } = refusal(err);
  return problemResponse(body, headers);
}

/**
 * Runs a handler and turns refusals into their HTTP status with field errors; never a bare 500 page.
 * Like asActionResult, a handler is a mutation (refused while read-only) unless marked read-only-safe.
 */
export async function jsonResponse(run: () => Promise<{ status?: number; body: unknown; headers?: Record<string, string> }>, kind: "mutation" | "read-only-safe" = "mutation") {
  try {
    if (kind === "mutation") await assertWritable();
    const { status = 200, body, headers = {} } = await run();
    return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
  } catch (err) {
    if (err instanceof UseCaseError) return refusalResponse(err);
    logger.error({ err }, "unexpected error in an API route");
    return problemResponse(problem("UNEXPECTED", 500));
  }
}
