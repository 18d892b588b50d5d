import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicationForm } from "@/components/application/application-form";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { formOptions } from "@/lib/server/applications/form-options";
import { previewDuplicatesAction, saveDraftAction, submitApplicationAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("application"))("titleNew") };
}

export default async function NewApplicationPage() {
  await requirePageActor("merchant:draft");
  const t = await getTranslations("application");
  const options = await formOptions();
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("titleNew")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ApplicationForm options={options} actions={{ saveDraft: saveDraftAction, submit: submitApplicationAction, previewDuplicates: previewDuplicatesAction }} />
    </div>
  );
}
