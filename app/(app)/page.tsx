import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NAVIGATION } from "@/lib/domain/navigation";
import { hasPermission, ROLE_PERMISSIONS } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/auth/current-actor";

export default async function HomePage() {
  const actor = await requirePageActor();
  const t = await getTranslations();
  const areas = NAVIGATION.filter((n) => n.href !== "/" && (!n.permission || hasPermission(actor.role, n.permission)));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("home.welcome", { name: actor.displayName })}</h1>
        <p className="mt-1 text-slate-600">{t("home.roleLine", { role: t(`roles.${actor.role}`) })}</p>
      </div>
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
