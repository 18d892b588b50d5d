import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { NAVIGATION } from "@/lib/domain/navigation";
import { hasPermission, ROLE_PERMISSIONS } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { workCounts } from "@/lib/server/workflow/queues";

/** The user's own counts on the home page, each linking to where the work is done. */
const MY_COUNTS: { key: string; label: string; href: string }[] = [
  { key: "drafts", label: "home.myDrafts", href: "/my-work" },
  { key: "returned", label: "home.returnedToMe", href: "/my-work" },
  { key: "toVerify", label: "home.toVerify", href: "/verify" },
  { key: "toConfirm", label: "home.toConfirm", href: "/confirmations" },
  { key: "toApprove", label: "home.toApprove", href: "/approvals" },
  { key: "openCases", label: "home.openCases", href: "/cases?status=OPEN" },
];

export default async function HomePage() {
  const actor = await requirePageActor();
  const t = await getTranslations();
  const counts = await workCounts(actor);
  const mine = MY_COUNTS.filter((c) => counts[c.key] !== undefined);
  const areas = NAVIGATION.filter((n) => n.href !== "/" && (!n.permission || hasPermission(actor.role, n.permission)));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("home.welcome", { name: actor.displayName })}</h1>
        <p className="mt-1 text-slate-600">{t("home.roleLine", { role: t(`roles.${actor.role}`) })}</p>
      </div>
      {mine.length > 0 && (
        <section aria-labelledby="my-counts">
          <h2 id="my-counts" className="font-semibold">{t("home.myCounts")}</h2>
          <ul className="mt-2 flex flex-wrap gap-3">
            {mine.map((c) => (
              <li key={c.key}>
                <Link href={c.href} data-count={c.key} className="block min-w-36 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-brand-600">
                  <span className="block text-2xl font-semibold tabular-nums text-slate-900">{counts[c.key]}</span>
                  <span className="text-sm text-slate-700">{t(c.label)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map((a) => (
          <li key={a.href}>
            <Link href={a.href} className="block rounded-lg border border-slate-200 bg-white p-4 font-medium text-brand-700 shadow-sm hover:border-brand-600">
              {t(a.label)}
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="duties" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="duties" className="font-semibold">{t("roles.permissionsHeading")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          {ROLE_PERMISSIONS[actor.role].map((p) => (
            <li key={p}>{t(`permissions.${p}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
