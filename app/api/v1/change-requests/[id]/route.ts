import { getChangeRequestStatus } from "@/lib/server/change-requests/get-change-request-status";
import { apiRead } from "@/lib/server/http/api-route";

export const dynamic = "force-dynamic";

/** Where a change request stands, by id or reference. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return apiRead(request, { scope: "change-requests:read", permission: "merchant:read" }, ({ actor }) => getChangeRequestStatus(actor, id));
}
