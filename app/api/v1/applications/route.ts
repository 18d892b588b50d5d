import { submitApplication } from "@/lib/server/applications/submit-application";
import { requireActor } from "@/lib/server/auth/current-actor";
import { assertSameOrigin, jsonResponse, readJsonBody } from "@/lib/server/http/json-route";
import { currentRequestMeta } from "@/lib/server/request-meta";

export const dynamic = "force-dynamic";

/** Submit a merchant application as a change request awaiting verification (body: { data }). */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireActor("change:submit");
    const input = await readJsonBody(request);
    return { status: 201, body: await submitApplication({ actor, input, requestMeta: await currentRequestMeta() }) };
  });
}
