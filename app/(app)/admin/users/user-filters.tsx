import { getTranslations } from "next-intl/server";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ROLES } from "@/lib/domain/permissions";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export async function UserFilters({ q, role, status }: { q?: string; role?: string; status?: string }) {
  const t = await getTranslations();
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3">
      <div className="min-w-56 flex-1">
        <label htmlFor="q" className="block text-sm font-medium">{t("common.search")}</label>
        <Input id="q" name="q" defaultValue={q} placeholder={t("users.searchPlaceholder")} />
      </div>
      <div>
        <label htmlFor="role" className="block text-sm font-medium">{t("users.filterRole")}</label>
        <Select id="role" name="role" defaultValue={role ?? ""}>
          <option value="">{t("common.all")}</option>
          {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </Select>
      </div>
      <div>
        <label htmlFor="status" className="block text-sm font-medium">{t("users.filterStatus")}</label>
        <Select id="status" name="status" defaultValue={status ?? ""}>
          <option value="">{t("common.all")}</option>
          <option value="active">{t("users.active")}</option>
          <option value="disabled">{t("users.disabled")}</option>
          <option value="locked">{t("users.locked")}</option>
        </Select>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("common.search")}</button>
      <a href="/admin/users" className="px-2 py-2 text-sm text-brand-700 underline">{t("common.reset")}</a>
    </form>
  );
}
