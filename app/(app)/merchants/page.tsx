import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { MerchantFilters } from "@/components/merchants/merchant-filters";
import { MerchantTable } from "@/components/merchants/merchant-table";
import { hasPermission } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { listMerchants } from "@/lib/server/merchants/list-merchants";
import { ForwardPager } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchants"))("title") };
}

export default async function MerchantsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("merchant:read");
  const t = await getTranslations();
  const { merchants, total, nextCursor, query } = await listMerchants(actor, await searchParams);
  const filters = { q: query.q, status: query.status, type: query.type, mcc: query.mcc, region: query.region };
  const keep = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  const filtered = keep.size > 0;
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("merchants.title")}</h1>
      <p className="text-sm text-slate-600">{t("merchants.intro")}</p>
      <MerchantFilters query={filters} />
      {hasPermission(actor.role, "record:export") && (
        <section aria-labelledby="export-heading" className="flex flex-wrap items-center gap-3 text-sm">
          <h2 id="export-heading" className="font-medium">{t("imports.export.heading")}</h2>
          <a className={linkClass} href={`/merchants/export?${new URLSearchParams([...keep, ["format", "csv"]]).toString()}`} download>{t("imports.export.csv")}</a>
          <a className={linkClass} href={`/merchants/export?${new URLSearchParams([...keep, ["format", "xlsx"]]).toString()}`} download>{t("imports.export.xlsx")}</a>
          <p className="basis-full text-slate-600">{t("imports.export.hint")}</p>
        </section>
      )}
      {merchants.length === 0 ? (
        <div className="space-y-2 rounded-md border border-slate-200 bg-white p-6 text-slate-700">
          <p className="font-medium">{filtered ? t("merchants.empty.filtered") : t("merchants.empty.none")}</p>
          <p className="text-sm">
            {filtered ? t("merchants.empty.filteredHint") : t("merchants.empty.noneHint")}{" "}
            <Link className="text-brand-700 underline" href={filtered ? "/merchants" : "/change-requests"}>
              {filtered ? t("merchants.clearFilters") : t("merchants.empty.toRequests")}
            </Link>
          </p>
        </div>
      ) : (
        <MerchantTable merchants={merchants} caption={t("merchants.title")} />
      )}
      <ForwardPager basePath="/merchants" params={filters} cursor={query.after} nextCursor={nextCursor} total={total} label={t("merchants.pagination")} />
    </div>
  );
}
