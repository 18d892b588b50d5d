import { apiWrite, isDryRun } from "@/lib/server/http/api-route";
import { submitMerchantChange } from "@/lib/server/merchants/submit-merchant-change";
import { validateMerchantChange } from "@/lib/server/merchants/validate-merchant-change";

export const dynamic = "force-dynamic";

/** A change to an approved merchant (body: { merchantVersion, data }); `?dryRun=true` only validates. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const dryRun = isDryRun(request);
  return apiWrite(
    request,
    { scope: "merchant-changes:write", permission: "change:submit" },
    async ({ actor, body, requestMeta }) => {
      // The merchant comes from the path; anything else in the body is the use case's to refuse.
      const input = body && typeof body === "object" && !Array.isArray(body) ? { ...body, merchantId: id } : body;
      return dryRun ? { status: 200, body: await validateMerchantChange({ actor, input }) } : { status: 201, body: await submitMerchantChange({ actor, input, requestMeta }) };
    },
    { dryRun },
  );
}
