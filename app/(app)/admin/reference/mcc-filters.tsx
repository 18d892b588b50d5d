import { getTranslations } from "next-intl/server";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { MCC_RISK_LEVELS } from "@/lib/domain/reference/mcc-list";

const STATUSES = ["active", "inactive"] as const;

export async function MccFilters({ q, risk, status }: { q?: string; risk?: string; status?: string }) {
  const t = await getTranslations();
  return (
    <FilterBar resetHref="/admin/reference" labels={{ search: t("common.search"), reset: t("common.reset") }}>
      <FilterSearch label={t("common.search")} value={q} placeholder={t("reference.mcc.searchPlaceholder")} />
      <FilterSelect name="risk" label={t("reference.mcc.riskLevel")} value={risk} allLabel={t("common.all")} options={MCC_RISK_LEVELS.map((r) => ({ value: String(r), label: t(`reference.mcc.risk.${r}`) }))} />
      <FilterSelect name="status" label={t("common.status")} value={status} allLabel={t("common.all")} options={STATUSES.map((s) => ({ value: s, label: t(`reference.mcc.${s}`) }))} />
    </FilterBar>
  );
}
