import { getTranslations } from "next-intl/server";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { MCC_RISK_LEVELS } from "@/lib/domain/reference/mcc-list";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export async function MccFilters({ q, risk, status }: { q?: string; risk?: string; status?: string }) {
  const t = await getTranslations();
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3">
      <div className="min-w-56 flex-1">
        <label htmlFor="q" className="block text-sm font-medium">{t("common.search")}</label>
        <Input id="q" name="q" defaultValue={q} placeholder={t("reference.mcc.searchPlaceholder")} />
      </div>
      <div>
        <label htmlFor="risk" className="block text-sm font-medium">{t("reference.mcc.riskLevel")}</label>
        <Select id="risk" name="risk" defaultValue={risk ?? ""}>
          <option value="">{t("common.all")}</option>
          {MCC_RISK_LEVELS.map((r) => <option key={r} value={r}>{t(`reference.mcc.risk.${r}`)}</option>)}
        </Select>
      </div>
      <div>
        <label htmlFor="status" className="block text-sm font-medium">{t("common.status")}</label>
        <Select id="status" name="status" defaultValue={status ?? ""}>
          <option value="">{t("common.all")}</option>
          <option value="active">{t("reference.mcc.active")}</option>
          <option value="inactive">{t("reference.mcc.inactive")}</option>
        </Select>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("common.search")}</button>
      <a href="/admin/reference" className="px-2 py-2 text-sm text-brand-700 underline">{t("common.reset")}</a>
    </form>
  );
}
