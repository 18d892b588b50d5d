import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ROLE_PERMISSIONS, ROLE_PROHIBITIONS, ROLES, roleNeedsMfa } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/auth/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roles"))("title") };
}

/** Rendered from the enforced permission map, so it cannot drift from what the server allows. */
export default async function RolesPage() {
  await requirePageActor();
  const t = await getTranslations();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("roles.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("roles.intro")}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {ROLES.map((role) => (
          <section key={role} aria-labelledby={`role-${role}`} data-role={role} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex items-center gap-2">
              <h2 id={`role-${role}`} className="text-lg font-semibold">{t(`roles.${role}`)}</h2>
              {roleNeedsMfa(role) && <Badge tone="info">{t("roles.mfa")}</Badge>}
            </div>
            <p className="mt-1 text-sm text-slate-700">{t(`roles.duties.${role}`)}</p>
            <h3 className="mt-3 text-sm font-semibold text-slate-800">{t("roles.permissionsHeading")}</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {ROLE_PERMISSIONS[role].map((p) => (
                <li key={p} data-permission={p}>
                  {t(`permissions.${p}`)} <code className="text-xs text-slate-500">{p}</code>
                </li>
              ))}
            </ul>
            <h3 className="mt-3 text-sm font-semibold text-slate-800">{t("roles.prohibitionsHeading")}</h3>
            <ul className="mt-1 list-disc pl-5 text-sm text-red-900">
              {ROLE_PROHIBITIONS[role].map((p) => (
                <li key={p}>{t(`prohibitions.${p}`)}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
