import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { getSettingsForAdmin } from "@/lib/server/settings/settings-for-admin";
import { SettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const actor = await requirePageActor("settings:manage");
  const t = await getTranslations("settings");
  const { settings, versions } = await getSettingsForAdmin(actor);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <SettingsForm settings={settings} versions={versions} />
    </div>
  );
}
