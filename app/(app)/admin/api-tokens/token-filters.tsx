import { getTranslations } from "next-intl/server";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";

const STATUSES = ["active", "revoked", "expired"] as const;

export async function TokenFilters({ q, status }: { q?: string; status?: string }) {
  const t = await getTranslations();
  return (
    <FilterBar resetHref="/admin/api-tokens" labels={{ search: t("common.search"), reset: t("common.reset") }}>
      <FilterSearch label={t("common.search")} value={q} placeholder={t("apiTokens.searchPlaceholder")} />
      <FilterSelect name="status" label={t("apiTokens.status")} value={status} allLabel={t("common.all")} options={STATUSES.map((s) => ({ value: s, label: t(`apiTokens.statuses.${s}`) }))} />
    </FilterBar>
  );
}
