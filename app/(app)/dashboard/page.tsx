import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AuditorSections } from "@/components/dashboard/auditor-sections";
import { FlagsSection } from "@/components/dashboard/flags-section";
import { PairsSection } from "@/components/dashboard/pairs-section";
import { QualitySection } from "@/components/dashboard/quality-section";
import { QueuesSection } from "@/components/dashboard/queues-section";
import { Select } from "@/components/ui/select";
import { DASHBOARD_PERIODS } from "@/lib/domain/dashboard/query";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { loadDashboard } from "@/lib/server/dashboard/load-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("dashboard:view");
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const dashboard = await loadDashboard({ actor, input: await searchParams });
  const { query } = dashboard;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t(actor.role === "AUDITOR" ? "introAuditor" : "introSupervisor")}</p>
        </div>
        <form method="get" className="flex items-end gap-2 rounded-md border border-slate-200 bg-white p-3">
          <input type="hidden" name="sort" value={query.sort} />
          <div>
            <label htmlFor="period" className="block text-sm font-medium">{t("period.label")}</label>
            <Select id="period" name="period" defaultValue={String(query.period)}>
              {DASHBOARD_PERIODS.map((days) => <option key={days} value={days}>{t("period.option", { days })}</option>)}
            </Select>
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("period.apply")}</button>
        </form>
      </div>
      <p className="text-sm text-slate-600" data-testid="period-line">
        {t("period.line", { since: format.dateTime(dashboard.since, { dateStyle: "medium" }), now: format.dateTime(dashboard.now, { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      <QueuesSection queues={dashboard.queues} now={dashboard.now} />
      <FlagsSection flags={dashboard.flags} />
      {dashboard.campaigns && dashboard.cases && <AuditorSections campaigns={dashboard.campaigns} cases={dashboard.cases} now={dashboard.now} />}
      <QualitySection quality={dashboard.quality} query={query} />
      <PairsSection pairs={dashboard.pairs} />
    </div>
  );
}
