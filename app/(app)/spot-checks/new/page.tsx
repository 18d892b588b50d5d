import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/spot-checks/campaign-form";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { campaignFormOptions } from "@/lib/server/spot-checks/campaign-form-options";
import { countPopulationAction, createCampaignAction, createScheduleAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spotChecks.new"))("title") };
}

/** A calendar day in Beijing, as the date inputs want it. */
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export default async function NewCampaignPage() {
  const actor = await requirePageActor("spotcheck:manage");
  const t = await getTranslations("spotChecks");
  const { auditors, clerks } = await campaignFormOptions(actor);
  const now = new Date();
  const defaults = {
    periodStart: beijingDay(now),
    periodEnd: beijingDay(new Date(now.getTime() + 30 * 86_400_000)),
    auditorIds: auditors.some((a) => a.id === actor.id) ? [actor.id] : [],
  };
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/spot-checks" className="text-sm text-brand-700 underline">← {t("back")}</Link>
      <div>
        <h1 className="text-2xl font-semibold">{t("new.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("new.intro")}</p>
      </div>
      <CampaignForm auditors={auditors} clerks={clerks} defaults={defaults} action={createCampaignAction} scheduleAction={createScheduleAction} countAction={countPopulationAction} />
    </div>
  );
}
