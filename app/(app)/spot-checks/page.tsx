import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Progress } from "@/components/spot-checks/progress";
import { ScheduleToggle } from "@/components/spot-checks/schedule-toggle";
import { Badge } from "@/components/ui/badge";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { CAMPAIGN_STATUSES, listCampaignPage } from "@/lib/server/spot-checks/list-campaign-page";
import { listSchedules } from "@/lib/server/spot-checks/list-schedules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spotChecks"))("title") };
}

export default async function SpotChecksPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("spotcheck:manage");
  const t = await getTranslations();
  const format = await getFormatter();
  const params = await searchParams;
  const { campaigns, total, nextCursor, query } = await listCampaignPage(actor, params);
  const schedules = await listSchedules(actor);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("spotChecks.title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("spotChecks.intro")}</p>
        </div>
        <Link href="/spot-checks/new" className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("spotChecks.create")}
        </Link>
      </div>
      <FilterBar label={t("spotChecks.filters")} resetHref="/spot-checks" showReset={!!(query.q || query.status)} labels={{ search: t("common.search"), reset: t("common.reset") }}>
        <FilterSearch label={t("spotChecks.searchLabel")} value={query.q} placeholder={t("spotChecks.searchPlaceholder")} />
        <FilterSelect name="status" label={t("common.status")} value={query.status} allLabel={t("common.all")} options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`spotChecks.statuses.${s}`) }))} />
      </FilterBar>
      {campaigns.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{query.q || query.status ? t("common.noResults") : t("spotChecks.empty")}</p>
      ) : (
        <Table caption={t("spotChecks.title")}>
          <thead>
            <tr>
              <Th>{t("spotChecks.fields.reference")}</Th>
              <Th>{t("spotChecks.fields.name")}</Th>
              <Th>{t("spotChecks.fields.period")}</Th>
              <Th>{t("spotChecks.fields.strategy")}</Th>
              <Th>{t("spotChecks.fields.sample")}</Th>
              <Th>{t("spotChecks.fields.progress")}</Th>
              <Th>{t("common.status")}</Th>
              <Th>{t("spotChecks.fields.createdAt")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {campaigns.map((c) => (
              <tr key={c.id} data-reference={c.reference}>
                <Td className="font-mono">
                  <Link href={`/spot-checks/${c.id}`} className="inline-flex min-h-6 items-center text-brand-700 underline underline-offset-2">{c.reference}</Link>
                </Td>
                <Td>{c.name}</Td>
                <Td className="whitespace-nowrap">{day(c.periodStart)} – {day(c.periodEnd)}</Td>
                <Td>{t(`spotChecks.strategies.${c.strategy}`)}</Td>
                <Td className="tabular-nums">{t("spotChecks.sampleOfPopulation", { sample: c.sampleSize, population: c.populationSize })}</Td>
                <Td><Progress done={c.done} total={c.sampleSize} label={t("spotChecks.doneOfTotal", { done: c.done, total: c.sampleSize })} /></Td>
                <Td><Badge tone={c.status === "OPEN" ? "info" : "neutral"}>{t(`spotChecks.statuses.${c.status}`)}</Badge></Td>
                <Td>
                  {format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  <span className="block text-xs text-slate-600">{c.createdBy}</span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination basePath="/spot-checks" params={{ q: query.q, status: query.status }} nextCursor={nextCursor} total={total} />
      <section id="schedules" aria-labelledby="schedules-title" className="space-y-3">
        <h2 id="schedules-title" className="text-lg font-semibold">{t("spotChecks.schedules.title")}</h2>
        <p className="max-w-3xl text-sm text-slate-600">{t("spotChecks.schedules.intro")}</p>
        {params.scheduled && <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">{t("spotChecks.schedules.created", { reference: params.scheduled })}</p>}
        {schedules.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("spotChecks.schedules.empty")}</p>
        ) : (
          <Table caption={t("spotChecks.schedules.title")}>
            <thead>
              <tr>
                <Th>{t("spotChecks.fields.reference")}</Th>
                <Th>{t("spotChecks.fields.name")}</Th>
                <Th>{t("spotChecks.schedules.day")}</Th>
                <Th>{t("spotChecks.fields.strategy")}</Th>
                <Th>{t("spotChecks.schedules.lastDrawn")}</Th>
                <Th>{t("common.status")}</Th>
                <Th><span className="sr-only">{t("common.actions")}</span></Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {schedules.map((s) => (
                <tr key={s.id} data-reference={s.reference}>
                  <Td className="font-mono">{s.reference}</Td>
                  <Td>{s.name}</Td>
                  <Td>{t("spotChecks.schedules.dayValue", { day: s.dayOfMonth })}</Td>
                  <Td>{t(`spotChecks.strategies.${s.strategy}`)}</Td>
                  <Td>
                    {s.lastCampaign ? (
                      <Link href={`/spot-checks/${s.lastCampaign.id}`} className="inline-flex min-h-6 items-center font-mono text-brand-700 underline underline-offset-2">{s.lastCampaign.schedulePeriod} · {s.lastCampaign.reference}</Link>
                    ) : (
                      t("spotChecks.schedules.notYet")
                    )}
                    <span className="block text-xs text-slate-600">{t("spotChecks.schedules.count", { count: s.campaignCount })}</span>
                  </Td>
                  <Td><Badge tone={s.active ? "info" : "neutral"}>{t(s.active ? "spotChecks.schedules.active" : "spotChecks.schedules.inactive")}</Badge></Td>
                  <Td><ScheduleToggle scheduleId={s.id} version={s.version} active={s.active} name={s.name} /></Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
