import { requireActor } from "@/lib/server/auth/current-actor";
import { jsonResponse } from "@/lib/server/http/json-route";
import { currentRequestMeta } from "@/lib/server/request-meta";
import { exportCampaignReport } from "@/lib/server/spot-checks/export-campaign-report";

export const dynamic = "force-dynamic";

/** One row per item of the campaign as CSV (audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let file: Awaited<ReturnType<typeof exportCampaignReport>> | undefined;
  const failure = await jsonResponse(async () => {
    const actor = await requireActor("spotcheck:manage");
    file = await exportCampaignReport({ actor, input: { campaignId: (await params).id }, requestMeta: await currentRequestMeta() });
    return { status: 200, body: {} };
  });
  if (!file) return failure;
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Rows": String(file.rows),
    },
  });
}
