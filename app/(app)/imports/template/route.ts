import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/server/auth/current-actor";
import { jsonResponse } from "@/lib/server/http/json-route";
import { importTemplateCsv, importTemplateXlsx } from "@/lib/server/imports/import-template";

export const dynamic = "force-dynamic";

/** The empty import file, ?format=csv (default) or xlsx (with a sheet explaining each column). */
export async function GET(request: Request) {
  let file: { body: string | Buffer; type: string; name: string } | undefined;
  const failure = await jsonResponse(async () => {
    await requireActor("change:submit");
    const t = await getTranslations("imports");
    if (new URL(request.url).searchParams.get("format") === "xlsx") {
      const names = { rows: t("template.sheetRows"), guide: t("template.sheetGuide"), column: t("template.column"), meaning: t("template.meaning") };
      const body = await importTemplateXlsx((column) => (t.has(`columns.${column}`) ? t(`columns.${column}`) : ""), names);
      file = { body, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: "payeeguard-import-template.xlsx" };
    } else {
      file = { body: importTemplateCsv(), type: "text/csv; charset=utf-8", name: "payeeguard-import-template.csv" };
    }
    return { body: {} };
  }, "read-only-safe");
  if (!file) return failure;
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: { "Content-Type": file.type, "Content-Disposition": `attachment; filename="${file.name}"`, "Cache-Control": "no-store" },
  });
}
