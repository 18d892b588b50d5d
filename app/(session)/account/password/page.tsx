import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/server/auth/current-actor";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("password"))("title") };
}

export default async function ChangePasswordPage() {
  const actor = await currentActor();
  const t = await getTranslations("password");
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {actor?.mustChangePassword && <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">{t("forced")}</p>}
      <ChangePasswordForm />
    </section>
  );
}
