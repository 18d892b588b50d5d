import { requireActor } from "@/lib/server/auth/current-actor";
import { jsonResponse } from "@/lib/server/http/json-route";
import { currentRequestMeta } from "@/lib/server/request-meta";
import { exportCampaignWorkbook } from "@/lib/server/spot-checks/export-campaign-workbook";

export const dynamic = "force-dynamic";

/** The campaign report as an Excel workbook: summary, per-maker, per-MCC and item sheets (audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let file: Awaited<ReturnType<typeof exportCampaignWorkbook>> | undefined;
  const failure = await jsonResponse(async () => {
    const actor = await requireActor("spotcheck:manage");
    file = await exportCampaignWorkbook({ actor, input: { campaignId: (await params).id }, requestMeta: await currentRequestMeta() });
    return { status: 200, body: {} };
  });
  if (!file) return failure;
  return new Response(new Uint8Array(file.buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Rows": String(file.rows),
    },
  });
}
