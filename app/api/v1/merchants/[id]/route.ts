import { apiRead } from "@/lib/server/http/api-route";
import { getApprovedMerchant } from "@/lib/server/merchants/api-merchants";

export const dynamic = "force-dynamic";

/** One approved merchant by id or merchant number, masked. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return apiRead(request, { scope: "merchants:read", permission: "merchant:read" }, ({ actor }) => getApprovedMerchant(actor, id));
}
