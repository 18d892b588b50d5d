import "server-only";
import type { TApiScope } from "@/lib/domain/api-tokens/scopes";
import type { TPermission } from "@/lib/domain/permissions";
import { authenticateApiToken } from "@/lib/server/api-tokens/authenticate-api-token";
import { requireActor, type Actor } from "@/lib/server/auth/current-actor";
import { UseCaseError } from "@/lib/server/errors";
import { currentRequestMeta, type RequestMeta } from "@/lib/server/request-meta";
import { withIdempotency, type StoredResponse } from "./idempotency";
import { assertSameOrigin, jsonResponse, readJsonText } from "./json-route";

export type ApiAccess = { scope: TApiScope; permission: TPermission };
type Context = { actor: Actor; requestMeta: RequestMeta; url: URL };

function bearerToken(request: Request) {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const [scheme, token] = header.split(/\s+/, 2);
  if (scheme?.toLowerCase() !== "bearer" || !token) throw new UseCaseError("UNAUTHENTICATED");
  return token;
}

/**
 * A bearer token, or else the session cookie. Only a cookie is sent by the browser on its own, so
 * only cookie calls need the same-origin check: a cross-site page cannot attach someone's token.
 */
async function apiCaller(request: Request, access: ApiAccess, writes: boolean): Promise<Context> {
  const token = bearerToken(request);
  const requestMeta = await currentRequestMeta();
  const url = new URL(request.url);
  if (token === null) {
    if (writes) assertSameOrigin(request);
    return { actor: await requireActor(access.permission), requestMeta, url };
  }
  const actor = await authenticateApiToken(token);
  if (!actor.apiToken?.scopes.includes(access.scope)) throw new UseCaseError("FORBIDDEN", {}, { scope: access.scope });
  // The audit trail names the clerk; the user-agent column says which token acted for them.
  return { actor, requestMeta: { ...requestMeta, userAgent: `api-token:${actor.apiToken.lookupId} ${requestMeta.userAgent ?? ""}`.trim().slice(0, 400) }, url };
}

export function isDryRun(request: Request) {
  return new URL(request.url).searchParams.get("dryRun") === "true";
}

/** GET: authenticate, then the handler reads through its use case (which authorises again). */
export function apiRead(request: Request, access: ApiAccess, handle: (ctx: Context) => Promise<unknown>) {
  return jsonResponse(async () => ({ body: await handle(await apiCaller(request, access, false)) }), "read-only-safe");
}

/**
 * POST: authenticate (CSRF check for cookies), read the JSON body, run once per Idempotency-Key.
 * A dry run writes nothing, so it is allowed while read-only and has nothing to deduplicate.
 */
export function apiWrite(request: Request, access: ApiAccess, handle: (ctx: Context & { body: unknown }) => Promise<StoredResponse>, { dryRun = false } = {}) {
  return jsonResponse(async () => {
    const ctx = await apiCaller(request, access, true);
    const { text, json } = await readJsonText(request);
    if (dryRun) return handle({ ...ctx, body: json });
    const owner = ctx.actor.apiToken ? `token:${ctx.actor.apiToken.id}` : `user:${ctx.actor.id}`;
    return withIdempotency({ owner, key: request.headers.get("idempotency-key"), method: "POST", path: ctx.url.pathname, bodyText: text }, () => handle({ ...ctx, body: json }));
  }, dryRun ? "read-only-safe" : "mutation");
}
