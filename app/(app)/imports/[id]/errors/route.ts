import { getLocale, getTranslations } from "next-intl/server";
import { importMessageText } from "@/lib/domain/imports/message-text";
import { requireActor } from "@/lib/server/auth/current-actor";
import { jsonResponse } from "@/lib/server/http/json-route";
import { importErrorReport } from "@/lib/server/imports/import-error-report";

export const dynamic = "force-dynamic";

/** An import's refused rows as CSV, in the reader's language. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let file: Awaited<ReturnType<typeof importErrorReport>> | undefined;
  const failure = await jsonResponse(async () => {
    const actor = await requireActor("change:submit");
    const [t, locale] = [await getTranslations(), await getLocale()];
    file = await importErrorReport(actor, (await params).id, (key, values) => importMessageText(t, locale, key, values));
    return { body: {} };
  }, "read-only-safe");
  if (!file) return failure;
  return new Response(file.csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file.fileName}"`, "Cache-Control": "no-store", "X-Rows": String(file.rows) },
  });
}
