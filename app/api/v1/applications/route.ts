import { submitApplication } from "@/lib/server/applications/submit-application";
import { validateApplication } from "@/lib/server/applications/validate-application";
import { apiWrite, isDryRun } from "@/lib/server/http/api-route";

export const dynamic = "force-dynamic";

/** Submit a merchant application as a change request awaiting verification (body: { data }); `?dryRun=true` only validates. */
export async function POST(request: Request) {
  const dryRun = isDryRun(request);
  return apiWrite(
    request,
    { scope: "applications:write", permission: "change:submit" },
    async ({ actor, body, requestMeta }) =>
      dryRun ? { status: 200, body: await validateApplication({ actor, input: body }) } : { status: 201, body: await submitApplication({ actor, input: body, requestMeta }) },
    { dryRun },
  );
}
