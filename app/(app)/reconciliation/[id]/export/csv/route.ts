import { findingsExportResponse } from "../findings-export-response";

export const dynamic = "force-dynamic";

/** The run's findings under the page's filters as csv (audited). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return findingsExportResponse(request, params, "csv");
}
