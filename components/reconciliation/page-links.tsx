import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** Numbered-page links that keep the current filters (`pageParam` names the page in the query). */
export async function PageLinks({ basePath, params, page, pages, total, pageParam = "page", label }: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pages: number;
  total: number;
  pageParam?: string;
  label: string;
}) {
  const t = await getTranslations();
  const href = (p: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, [pageParam]: p > 1 ? String(p) : undefined })) if (v) query.set(k, v);
    const qs = query.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  const off = `${linkClass} text-slate-400`;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm text-slate-600">
      <span>{t("reconRuns.pageOf", { page, pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={linkClass} href={href(page - 1)}>{t("common.previous")}</Link> : <span className={off} aria-disabled="true">{t("common.previous")}</span>}
        {page < pages ? <Link className={linkClass} href={href(page + 1)}>{t("common.next")}</Link> : <span className={off} aria-disabled="true">{t("common.next")}</span>}
      </span>
    </nav>
  );
}
