import { requireActor } from "@/lib/server/auth/current-actor";
import { assertSameOrigin, jsonResponse } from "@/lib/server/http/json-route";
import { continueRunInBackground } from "@/lib/server/reconciliation/background";
import { startReconciliationRun } from "@/lib/server/reconciliation/start-run";
import { currentRequestMeta } from "@/lib/server/request-meta";

export const dynamic = "force-dynamic";

/** The request body as it arrives, chunk by chunk: the file is never buffered whole. */
async function* chunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Upload a transaction file (raw body, name in ?name=); 201 with the run id once it is on disk. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireActor("reconciliation:run");
    const fileName = new URL(request.url).searchParams.get("name") ?? "";
    const { instants, ...started } = await startReconciliationRun({ actor, input: { fileName }, body: request.body ? chunks(request.body) : null, requestMeta: await currentRequestMeta() });
    continueRunInBackground(started.runId, true, instants);
    return { status: 201, body: started };
  });
}
