import { requireActor } from "@/lib/server/auth/current-actor";
import { jsonResponse } from "@/lib/server/http/json-route";
import { exportFindings } from "@/lib/server/reconciliation/export-findings";
import { currentRequestMeta } from "@/lib/server/request-meta";

export const dynamic = "force-dynamic";

/** The run's findings under the page's filters (?kind, ?terminalId, ?merchantNo) as csv (audited). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  let file: Awaited<ReturnType<typeof exportFindings>> | undefined;
  const failure = await jsonResponse(async () => {
    const actor = await requireActor("reconciliation:run");
    const search = Object.fromEntries(new URL(request.url).searchParams);
    const input = { runId: (await params).id, kind: search.kind, terminalId: search.terminalId, merchantNo: search.merchantNo };
    file = await exportFindings({ actor, input, format: "csv", requestMeta: await currentRequestMeta() });
    return { status: 200, body: {} };
  }, "read-only-safe");
  if (!file) return failure;
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Rows": String(file.rows),
    },
  });
}
