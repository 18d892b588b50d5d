import { requireActor } from "@/lib/server/auth/current-actor";
import { exportAuditEvents } from "@/lib/server/audit/export-audit-events";
import { jsonResponse } from "@/lib/server/http/json-route";
import { currentRequestMeta } from "@/lib/server/request-meta";

export const dynamic = "force-dynamic";

/** The filtered audit trail as a CSV download (same filters as the trail screen). */
export async function GET(request: Request) {
  let file: Awaited<ReturnType<typeof exportAuditEvents>> | undefined;
  const failure = await jsonResponse(async () => {
    const actor = await requireActor("audit:read");
    const input = Object.fromEntries(new URL(request.url).searchParams);
    file = await exportAuditEvents({ actor, input, requestMeta: await currentRequestMeta() });
    return { status: 200, body: {} };
  });
  if (!file) return failure;
  const day = new Date().toISOString().slice(0, 10);
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-trail-${day}.csv"`,
      "Cache-Control": "no-store",
      "X-Rows": String(file.rows),
      "X-Truncated": String(file.truncated),
    },
  });
}
