import { requireActor } from "@/lib/server/auth/current-actor";
import { jsonResponse } from "@/lib/server/http/json-route";
import { exportFindings } from "@/lib/server/reconciliation/export-findings";
import { currentRequestMeta } from "@/lib/server/request-meta";

const CONTENT_TYPE = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/** The run's findings under the page's filters (?kind, ?terminalId, ?merchantNo) as a file (audited). */
export async function findingsExportResponse(request: Request, params: Promise<{ id: string }>, format: keyof typeof CONTENT_TYPE) {
  let file: Awaited<ReturnType<typeof exportFindings>> | undefined;
  const failure = await jsonResponse(async () => {
    const actor = await requireActor("reconciliation:run");
    const search = Object.fromEntries(new URL(request.url).searchParams);
    const input = { runId: (await params).id, kind: search.kind, terminalId: search.terminalId, merchantNo: search.merchantNo };
    file = await exportFindings({ actor, input, format, requestMeta: await currentRequestMeta() });
    return { status: 200, body: {} };
  }, "read-only-safe");
  if (!file) return failure;
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: { "Content-Type": CONTENT_TYPE[format], "Content-Disposition": `attachment; filename="${file.fileName}"`, "Cache-Control": "no-store", "X-Rows": String(file.rows) },
  });
}
