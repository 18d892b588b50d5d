import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { currentActor } from "@/lib/server/auth/current-actor";

/** Pages that clear a pending step; they need a session but not a completed one. */
export default async function SessionStepLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <a href="/" className="text-lg font-semibold text-brand-800">{t("app.name")}</a>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600">{t("nav.signedInAs", { name: actor.displayName, role: t(`roles.${actor.role}`) })}</span>
            <LocaleSwitch />
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">{t("nav.signOut")}</button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-lg px-4 py-10">{children}</main>
    </div>
  );
}
