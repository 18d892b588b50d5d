import { requireActor } from "@/lib/server/auth/current-actor";
import { jsonResponse } from "@/lib/server/http/json-route";
import { getReconciliationRun } from "@/lib/server/reconciliation/get-run";

export const dynamic = "force-dynamic";

/** The run row as the progress bar polls it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    const actor = await requireActor("reconciliation:run");
    return { body: await getReconciliationRun(actor, { runId: (await params).id }) };
  }, "read-only-safe");
}
