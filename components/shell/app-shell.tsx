import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { NAVIGATION } from "@/lib/domain/navigation";
import { hasPermission } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/server/auth/current-actor";
import { workCounts } from "@/lib/server/workflow/queues";
import { signOutAction } from "@/app/actions";
import { MaintenanceNotice } from "@/components/maintenance/maintenance-notice";
import { LocaleSwitch } from "./locale-switch";
import { MainNav } from "./main-nav";

/** What waits on the user, shown beside the navigation entry where it is done. */
const COUNT_FOR: Record<string, (c: Record<string, number>) => number> = {
  "/my-work": (c) => (c.returned ?? 0) + (c.drafts ?? 0) + (c.corrections ?? 0),
  "/verify": (c) => c.toVerify ?? 0,
  "/approvals": (c) => c.toApprove ?? 0,
  "/confirmations": (c) => c.toConfirm ?? 0,
  "/cases": (c) => c.openCases ?? 0,
};

export async function AppShell({ user, children }: { user: Actor; children: ReactNode }) {
  const t = await getTranslations();
  const items = NAVIGATION.filter((item) => !item.permission || hasPermission(user.role, item.permission));
  const counts = await workCounts(user);
  const entries = items.map((item) => {
    const count = COUNT_FOR[item.href]?.(counts) ?? 0;
    return { href: item.href, label: t(item.label), count, countLabel: count > 0 ? t("nav.waiting", { count }) : "" };
  });
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:p-2">
        {t("app.skip")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 pt-3 pb-2">
          <Link href="/" className="text-lg font-semibold text-brand-800">
            {t("app.name")}
          </Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span className="text-slate-600">{t("nav.signedInAs", { name: user.displayName, role: t(`roles.${user.role}`) })}</span>
            <Link href="/account/password" className="text-brand-700 hover:underline">
              {t("nav.account")}
            </Link>
            <LocaleSwitch />
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-100">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-3 pb-2">
          <MainNav label={t("nav.mainNav")} entries={entries} />
        </div>
      </header>
      <MaintenanceNotice />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
