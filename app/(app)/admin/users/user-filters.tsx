import { getTranslations } from "next-intl/server";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { ROLES } from "@/lib/domain/permissions";

const STATUSES = ["active", "disabled", "locked"] as const;

export async function UserFilters({ q, role, status }: { q?: string; role?: string; status?: string }) {
  const t = await getTranslations();
  return (
    <FilterBar resetHref="/admin/users" labels={{ search: t("common.search"), reset: t("common.reset") }}>
      <FilterSearch label={t("common.search")} value={q} placeholder={t("users.searchPlaceholder")} />
      <FilterSelect name="role" label={t("users.filterRole")} value={role} allLabel={t("common.all")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      <FilterSelect name="status" label={t("users.filterStatus")} value={status} allLabel={t("common.all")} options={STATUSES.map((s) => ({ value: s, label: t(`users.${s}`) }))} />
    </FilterBar>
  );
}
