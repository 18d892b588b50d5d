import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { currentActor } from "@/lib/server/auth/current-actor";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/server/demo/demo-users";
import { env } from "@/lib/server/env";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage() {
  if (await currentActor()) redirect("/");
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="flex items-start justify-between">
        <div>
          <p className="text-2xl font-semibold text-brand-800">{t("app.name")}</p>
          <p className="text-sm text-slate-600">{t("app.tagline")}</p>
        </div>
        <LocaleSwitch />
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{t("signIn.title")}</h1>
        <SignInForm />
      </section>
      {env().embedded && (
        <section aria-labelledby="demo-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="demo-title" className="font-semibold text-amber-950">{t("signIn.demoTitle")}</h2>
          <p className="mt-1 text-amber-950">{t("signIn.demoHint", { password: DEMO_PASSWORD })}</p>
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono text-amber-950">
            {DEMO_USERS.map((u) => (
              <li key={u.username}>
                {u.username} <span className="font-sans text-amber-900">({t(`roles.${u.role}`)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-center text-sm">
        <Link href="/report" className="inline-block py-2 text-brand-700 underline underline-offset-2">{t("signIn.reportLink")}</Link>
      </p>
    </main>
  );
}
