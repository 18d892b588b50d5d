import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangeRequestTable } from "@/components/change-requests/change-request-table";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { MERCHANT_TYPES } from "@/lib/domain/merchant/application-schema";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { CHANGE_REQUEST_STATUSES, listChangeRequests } from "@/lib/server/change-requests/list-change-requests";

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
      <form method="get" role="search" className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 md:grid-cols-6">
        <div className="md:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">{t("common.search")}</label>
          <Input id="q" name="q" defaultValue={query.q} placeholder={t("changeRequests.searchPlaceholder")} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">{t("changeRequests.status")}</label>
          <Select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {CHANGE_REQUEST_STATUSES.map((s) => <option key={s} value={s}>{t(`changeRequests.statuses.${s}`)}</option>)}
          </Select>
        </div>
        <div>
          <label htmlFor="type" className="block text-sm font-medium">{t("changeRequests.type")}</label>
          <Select id="type" name="type" defaultValue={query.type ?? ""}>
            <option value="">{t("common.all")}</option>
            {MERCHANT_TYPES.map((s) => <option key={s} value={s}>{t(`changeRequests.merchantTypes.${s}`)}</option>)}
          </Select>
        </div>
        <div>
          <label htmlFor="mcc" className="block text-sm font-medium">{t("changeRequests.mcc")}</label>
          <Input id="mcc" name="mcc" defaultValue={query.mcc} inputMode="numeric" maxLength={4} />
        </div>
        <div>
          <label htmlFor="region" className="block text-sm font-medium">{t("changeRequests.region")}</label>
          <Input id="region" name="region" defaultValue={query.region} inputMode="numeric" maxLength={6} />
        </div>
        <div className="flex items-center gap-4 md:col-span-6">
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="mine" value="1" defaultChecked={!!query.mine} /> {t("changeRequests.mine")}</label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("common.search")}</button>
          <a href="/change-requests" className="text-sm text-brand-700 underline">{t("common.reset")}</a>
        </div>
      </form>
      {requests.length === 0 ? <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("common.noResults")}</p> : <ChangeRequestTable requests={requests} caption={t("changeRequests.title")} />}
      <Pagination basePath="/change-requests" params={{ q: query.q, status: query.status, type: query.type, mcc: query.mcc, region: query.region, mine: query.mine }} prevCursor={prevCursor} nextCursor={nextCursor} total={total} />
    </div>
  );
}
