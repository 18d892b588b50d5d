import { apiRead } from "@/lib/server/http/api-route";
import { listApprovedMerchants } from "@/lib/server/merchants/api-merchants";

export const dynamic = "force-dynamic";

/** Approved merchants, masked, filtered by merchantNo or name prefix, keyset-paginated. */
export async function GET(request: Request) {
  return apiRead(request, { scope: "merchants:read", permission: "merchant:read" }, ({ actor, url }) => listApprovedMerchants(actor, Object.fromEntries(url.searchParams)));
}
