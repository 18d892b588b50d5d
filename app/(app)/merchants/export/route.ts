import { requireActor } from "@/lib/server/auth/current-actor";
import { jsonResponse } from "@/lib/server/http/json-route";
import { exportMerchants } from "@/lib/server/merchants/export-merchants";
import { currentRequestMeta } from "@/lib/server/request-meta";

export const dynamic = "force-dynamic";

/** Approved merchants, filtered as on /merchants, as CSV or Excel (?format=xlsx); masked, audited. */
export async function GET(request: Request) {
  let file: Awaited<ReturnType<typeof exportMerchants>> | undefined;
  const failure = await jsonResponse(async () => {
    const actor = await requireActor("record:export");
    const input = Object.fromEntries(new URL(request.url).searchParams);
    file = await exportMerchants({ actor, input, requestMeta: await currentRequestMeta() });
    return { body: {} };
  }, "read-only-safe");
  if (!file) return failure;
  const type = file.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${file.fileName}"`, "Cache-Control": "no-store", "X-Rows": String(file.rows), "X-Truncated": String(file.truncated) },
  });
}
