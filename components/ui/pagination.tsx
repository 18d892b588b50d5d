import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** Keyset pagination links that keep the current filters. */
export async function Pagination({ basePath, params, prevCursor, nextCursor, total }: {
  basePath: string;
  params: Record<string, string | undefined>;
  prevCursor?: string;
  nextCursor?: string;
  total: number;
}) {
  const t = await getTranslations("common");
  const href = (extra: Record<string, string>) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, after: undefined, before: undefined, ...extra })) if (v) query.set(k, v);
    return `${basePath}?${query.toString()}`;
  };
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3 text-sm text-slate-600">
      <span>{t("pageInfo", { total })}</span>
      <span className="flex gap-2">
        {prevCursor ? <Link className={linkClass} href={href({ before: prevCursor })}>{t("previous")}</Link> : <span className={`${linkClass} text-slate-400`} aria-disabled="true">{t("previous")}</span>}
        {nextCursor ? <Link className={linkClass} href={href({ after: nextCursor })}>{t("next")}</Link> : <span className={`${linkClass} text-slate-400`} aria-disabled="true">{t("next")}</span>}
      </span>
    </nav>
  );
}

/**
 * Forward-only keyset paging, for lists read newest first: back to the first page, and on to the
 * next; the filters are kept. `cursor` is the page's own cursor (none on the first page).
 */
export async function ForwardPager({ basePath, params, cursorParam = "after", cursor, nextCursor, total, label }: {
  basePath: string;
  params: Record<string, string | undefined>;
  cursorParam?: string;
  cursor?: string;
  nextCursor?: string;
  total: number;
  label?: string;
}) {
  const t = await getTranslations("common");
  const href = (extra: Record<string, string>) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, [cursorParam]: undefined, ...extra })) if (v) query.set(k, v);
    return query.size ? `${basePath}?${query.toString()}` : basePath;
  };
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50";
  return (
    <nav aria-label={label ?? t("pagination")} className="flex items-center justify-between text-sm text-slate-600">
      <span>{t("pageInfo", { total })}</span>
      <span className="flex gap-2">
        {cursor && <Link className={linkClass} href={href({})}>{t("firstPage")}</Link>}
        {nextCursor && <Link className={linkClass} href={href({ [cursorParam]: nextCursor })}>{t("next")}</Link>}
      </span>
    </nav>
  );
}
