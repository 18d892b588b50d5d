import { getTranslations } from "next-intl/server";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

/** A plain GET form: the filtered list lives in the URL. */
export async function TokenFilters({ q, status }: { q?: string; status?: string }) {
  const t = await getTranslations();
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3">
      <div className="min-w-56 flex-1">
        <label htmlFor="q" className="block text-sm font-medium">{t("common.search")}</label>
        <Input id="q" name="q" defaultValue={q} placeholder={t("apiTokens.searchPlaceholder")} />
      </div>
      <div>
        <label htmlFor="status" className="block text-sm font-medium">{t("apiTokens.status")}</label>
        <Select id="status" name="status" defaultValue={status ?? ""}>
          <option value="">{t("common.all")}</option>
          <option value="active">{t("apiTokens.statuses.active")}</option>
          <option value="revoked">{t("apiTokens.statuses.revoked")}</option>
          <option value="expired">{t("apiTokens.statuses.expired")}</option>
        </Select>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("common.search")}</button>
      <a href="/admin/api-tokens" className="px-2 py-2 text-sm text-brand-700 underline">{t("common.reset")}</a>
    </form>
  );
}
