import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangeRequestTable } from "@/components/change-requests/change-request-table";
import { Pagination } from "@/components/ui/pagination";
import { MERCHANT_TYPES } from "@/lib/domain/merchant/application-schema";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { CHANGE_REQUEST_STATUSES, listChangeRequests } from "@/lib/server/change-requests/list-change-requests";
import { FilterBar, FilterCheckbox, FilterCode, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("changeRequests"))("title") };
}

export default async function ChangeRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("merchant:read");
  const t = await getTranslations();
  const { requests, total, nextCursor, prevCursor, query } = await listChangeRequests(actor, await searchParams);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("changeRequests.title")}</h1>
      <FilterBar resetHref="/change-requests" showReset={!!(query.q || query.status || query.type || query.mcc || query.region || query.mine)} labels={{ search: t("common.search"), reset: t("common.reset") }}>
        <FilterSearch label={t("common.search")} value={query.q} placeholder={t("changeRequests.searchPlaceholder")} />
        <FilterSelect name="status" label={t("changeRequests.status")} value={query.status} allLabel={t("common.all")} options={CHANGE_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`changeRequests.statuses.${s}`) }))} />
        <FilterSelect name="type" label={t("changeRequests.type")} value={query.type} allLabel={t("common.all")} options={MERCHANT_TYPES.map((s) => ({ value: s, label: t(`changeRequests.merchantTypes.${s}`) }))} />
        <FilterCode name="mcc" label={t("changeRequests.mcc")} value={query.mcc} maxLength={4} />
        <FilterCode name="region" label={t("changeRequests.region")} value={query.region} maxLength={6} />
        <FilterCheckbox name="mine" label={t("changeRequests.mine")} checked={!!query.mine} />
      </FilterBar>
      {requests.length === 0 ? <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("common.noResults")}</p> : <ChangeRequestTable requests={requests} caption={t("changeRequests.title")} />}
      <Pagination basePath="/change-requests" params={{ q: query.q, status: query.status, type: query.type, mcc: query.mcc, region: query.region, mine: query.mine }} prevCursor={prevCursor} nextCursor={nextCursor} total={total} />
    </div>
  );
}
