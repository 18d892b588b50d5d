import { getLocale, getTranslations } from "next-intl/server";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { MERCHANT_TYPES } from "@/lib/domain/merchant/application-schema";
import { MCC_LIST } from "@/lib/domain/reference/mcc-list";

export const MERCHANT_STATUSES = ["ACTIVE", "SUSPENDED", "CLOSED"] as const;

type Query = { q?: string; status?: string; type?: string; mcc?: string; region?: string };

/** GET form: the filters live in the address, so a filtered list can be bookmarked and shared. */
export async function MerchantFilters({ query }: { query: Query }) {
  const t = await getTranslations();
  const en = (await getLocale()) === "en";
  const label = "block text-sm font-medium text-slate-800";
  return (
    <form method="get" action="/merchants" role="search" aria-label={t("merchants.filtersLabel")} className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 md:grid-cols-6">
      <div className="md:col-span-2">
        <label htmlFor="q" className={label}>{t("common.search")}</label>
        <Input id="q" name="q" type="search" defaultValue={query.q} placeholder={t("merchants.searchPlaceholder")} autoComplete="off" aria-describedby="q-hint" />
        <p id="q-hint" className="mt-1 text-xs text-slate-600">{t("merchants.searchHint")}</p>
      </div>
      <div>
        <label htmlFor="status" className={label}>{t("merchants.columns.status")}</label>
        <Select id="status" name="status" defaultValue={query.status ?? ""}>
          <option value="">{t("common.all")}</option>
          {MERCHANT_STATUSES.map((s) => <option key={s} value={s}>{t(`merchants.statuses.${s}`)}</option>)}
        </Select>
      </div>
      <div>
        <label htmlFor="type" className={label}>{t("merchants.columns.type")}</label>
        <Select id="type" name="type" defaultValue={query.type ?? ""}>
          <option value="">{t("common.all")}</option>
          {MERCHANT_TYPES.map((s) => <option key={s} value={s}>{t(`merchants.types.${s}`)}</option>)}
        </Select>
      </div>
      <div>
        <label htmlFor="mcc" className={label}>{t("merchants.columns.mcc")}</label>
        <Select id="mcc" name="mcc" defaultValue={query.mcc ?? ""}>
          <option value="">{t("common.all")}</option>
          {MCC_LIST.map((m) => <option key={m.code} value={m.code}>{m.code} {en ? m.nameEn : m.nameZh}</option>)}
        </Select>
      </div>
      <div>
        <label htmlFor="region" className={label}>{t("merchants.region")}</label>
        <Input id="region" name="region" defaultValue={query.region} inputMode="numeric" maxLength={6} pattern="\d{2,6}" title={t("merchants.regionHint")} aria-describedby="region-hint" />
        <p id="region-hint" className="mt-1 text-xs text-slate-600">{t("merchants.regionHint")}</p>
      </div>
      <div className="flex items-center gap-4 md:col-span-6">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("common.search")}</button>
        <a href="/merchants" className="text-sm text-brand-700 underline">{t("merchants.clearFilters")}</a>
      </div>
    </form>
  );
}
