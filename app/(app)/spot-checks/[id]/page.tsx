import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Facts, Section } from "@/components/merchants/section";
import { CloseCampaignButton } from "@/components/spot-checks/close-campaign-button";
import { Progress } from "@/components/spot-checks/progress";
import { ReassignControl } from "@/components/spot-checks/reassign-control";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { hasPermission } from "@/lib/domain/permissions";
import type { Breakdown } from "@/lib/domain/spot-checks/campaign-report";
import type { TSpotCheckPopulation } from "@/lib/domain/spot-checks/schemas";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { UseCaseError } from "@/lib/server/errors";
import { getCampaignItems } from "@/lib/server/spot-checks/get-campaign-items";
import { getCampaignReport } from "@/lib/server/spot-checks/get-campaign-report";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spotChecks"))("report.title") };
}

async function load(actor: Awaited<ReturnType<typeof requirePageActor>>, campaignId: string) {
  try {
    return { ...(await getCampaignReport({ actor, input: { campaignId } })), ...(await getCampaignItems({ actor, input: { campaignId } })) };
  } catch (err) {
    if (err instanceof UseCaseError && (err.code === "NOT_FOUND" || err.code === "VALIDATION")) notFound();
    throw err;
  }
}

const OUTCOME_TONE = { CONFIRMED: "good", DISCREPANCY: "bad", UNREACHABLE: "warn" } as const;

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("spotcheck:manage");
  const { id } = await params;
  const justCreated = (await searchParams).created === "1";
  const { campaign: c, report, makerNames, items, auditors } = await load(actor, id.slice(0, 64));
  const t = await getTranslations();
  const format = await getFormatter();
  const pct = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 1 });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const open = c.status === "OPEN";
  const mayExport = hasPermission(actor.role, "record:export");
  const sizing = c.sizing;
  const population = c.population as TSpotCheckPopulation;
  const filters = [
    population.changedWithinDays !== undefined && t("spotChecks.report.filterDays", { days: population.changedWithinDays }),
    population.mccs && t("spotChecks.report.filterMccs", { mccs: population.mccs.join(", ") }),
    population.regionPrefix && t("spotChecks.report.filterRegion", { prefix: population.regionPrefix }),
    population.makerIds && t("spotChecks.report.filterMakers", { count: population.makerIds.length }),
  ].filter(Boolean) as string[];
  const s = report.sample;

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Link href="/spot-checks" className="text-sm text-brand-700 underline">← {t("spotChecks.back")}</Link>
        <h1 className="text-2xl font-semibold">{c.name}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <span className="font-mono font-medium text-slate-900">{c.reference}</span>
          <Badge tone={open ? "info" : "neutral"}>{t(`spotChecks.statuses.${c.status}`)}</Badge>
          <span>{day(c.periodStart)} – {day(c.periodEnd)}</span>
        </p>
        {justCreated && (
          <p role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-sm text-green-900">
            {t("spotChecks.report.createdBanner", { reference: c.reference, n: c.sampleSize, population: c.populationSize, seed: c.seed })}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          {mayExport && (
            <>
              <a href={`/spot-checks/${c.id}/export/csv`} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50" download>{t("spotChecks.report.exportCsv")}</a>
              <a href={`/spot-checks/${c.id}/export/xlsx`} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50" download>{t("spotChecks.report.exportXlsx")}</a>
            </>
          )}
          {open && <CloseCampaignButton campaignId={c.id} version={c.version} pending={report.progress.pending} />}
        </div>
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <Section id="plan" title={t("spotChecks.report.plan")}>
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <Facts
              rows={[
                [t("spotChecks.fields.population"), filters.length ? filters.join("；") : t("spotChecks.report.allActive")],
                [t("spotChecks.fields.populationSize"), String(c.populationSize)],
                [t("spotChecks.fields.sizing"), sizing.method === "FIXED"
                  ? t("spotChecks.report.sizingFixed", { n: sizing.requested })
                  : t("spotChecks.report.sizingAttribute", { confidence: pct(sizing.confidence), tolerable: pct(sizing.tolerableRate), expected: pct(sizing.expectedRate) })],
                [t("spotChecks.fields.sampleSize"), String(c.sampleSize)],
                [t("spotChecks.fields.strategy"), t(`spotChecks.strategies.${c.strategy}`)],
                [t("spotChecks.fields.seed"), <span key="seed" className="font-mono break-all" data-testid="campaign-seed">{c.seed}</span>],
                [t("spotChecks.fields.populationHash"), <span key="hash" className="font-mono text-xs break-all">{c.populationHash}</span>],
              ]}
            />
            <p className="mt-3 text-xs text-slate-600">{t("spotChecks.report.reproducible")}</p>
          </div>
        </Section>
        <Section id="progress" title={t("spotChecks.report.progress")}>
          <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <Progress done={report.progress.done} total={report.progress.total} label={t("spotChecks.doneOfTotal", { done: report.progress.done, total: report.progress.total })} />
            <Facts
              rows={[
                [t("spotChecks.report.pending"), String(report.progress.pending)],
                [t("spotChecks.report.stale"), report.progress.stale > 0 ? <span key="stale" className="font-medium text-amber-900">{t("spotChecks.report.staleCount", { count: report.progress.stale })}</span> : "0"],
                [t("spotChecks.outcomes.CONFIRMED"), String(report.outcomes.CONFIRMED)],
                [t("spotChecks.outcomes.DISCREPANCY"), String(report.outcomes.DISCREPANCY)],
                [t("spotChecks.outcomes.UNREACHABLE"), String(report.outcomes.UNREACHABLE)],
              ]}
            />
          </div>
        </Section>
      </div>

      <Section id="rate" title={t("spotChecks.report.rate")}>
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="error-rate">
          {s ? (
            <>
              <p className="text-base">
                {t("spotChecks.report.sampleRate")}：<span className="font-semibold">{pct(s.sampleRate)}</span>
                <span className="ml-2 text-slate-600">({t("spotChecks.report.ofExamined", { discrepancies: s.discrepancies, examined: s.examined })})</span>
              </p>
              <p className="text-base" data-testid="wilson-interval">
                {t("spotChecks.report.wilson")}：<span className="font-semibold">{pct(s.wilson95.lower)} – {pct(s.wilson95.upper)}</span>
              </p>
              <p className="text-base">
                {t("spotChecks.report.projected")}：<span className="font-semibold">{report.projected.rate === null ? "—" : pct(report.projected.rate)}</span>
                <span className="ml-2 text-slate-600">{t(`spotChecks.report.basis.${report.projected.basis}`)}</span>
              </p>
              <div className="space-y-1 rounded-md bg-slate-50 p-3 text-slate-800">
                <p>{t("spotChecks.report.explainRate", { examined: s.examined, discrepancies: s.discrepancies, rate: pct(s.sampleRate) })}</p>
                <p>{t("spotChecks.report.explainWilson", { lower: pct(s.wilson95.lower), upper: pct(s.wilson95.upper), population: c.populationSize })}</p>
                {s.projectedWrongRecords && (
                  <p>{t("spotChecks.report.explainRecords", { estimate: Math.round(s.projectedWrongRecords.estimate), lower: Math.round(s.projectedWrongRecords.lower), upper: Math.round(s.projectedWrongRecords.upper) })}</p>
                )}
                {s.withinTolerableRate !== null && sizing.method === "ATTRIBUTE" && (
                  <p className={s.withinTolerableRate ? "font-medium text-green-900" : "font-medium text-red-800"}>
                    {t(s.withinTolerableRate ? "spotChecks.report.withinTolerable" : "spotChecks.report.aboveTolerable", { confidence: pct(s.confidence), limit: pct(s.upperDeviationLimit), tolerable: pct(sizing.tolerableRate) })}
                  </p>
                )}
                {report.outcomes.UNREACHABLE > 0 && <p className="text-slate-600">{t("spotChecks.report.unreachableNote", { count: report.outcomes.UNREACHABLE })}</p>}
                {report.projected.basis === "INVERSE_WEIGHT" && <p className="text-slate-600">{t("spotChecks.report.inverseWeightNote")}</p>}
              </div>
            </>
          ) : (
            <p className="text-slate-600">{t("spotChecks.report.noResultsYet")}</p>
          )}
        </div>
      </Section>

      <div className="grid gap-8 lg:grid-cols-2">
        <Section id="by-maker" title={t("spotChecks.report.byMaker")}>
          <BreakdownTable rows={report.byMaker} keyHeader={t("spotChecks.fields.maker")} label={(key) => makerNames[key] ?? key} caption={t("spotChecks.report.byMaker")} pct={pct} t={t} />
        </Section>
        <Section id="by-mcc" title={t("spotChecks.report.byMcc")}>
          <BreakdownTable rows={report.byMcc} keyHeader={t("spotChecks.fields.mcc")} label={(key) => key || "—"} caption={t("spotChecks.report.byMcc")} pct={pct} t={t} />
        </Section>
      </div>

      <Section id="items" title={t("spotChecks.report.items")}>
        <Table caption={t("spotChecks.report.items")}>
          <thead>
            <tr>
              <Th>#</Th>
              <Th>{t("spotChecks.fields.merchant")}</Th>
              <Th>{t("spotChecks.fields.mcc")}</Th>
              <Th>{t("spotChecks.fields.maker")}</Th>
              <Th>{t("spotChecks.fields.assignee")}</Th>
              <Th>{t("common.status")}</Th>
              {open && <Th>{t("spotChecks.report.reassign")}</Th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((i) => (
              <tr key={i.id} data-item={i.id} data-merchant-no={i.merchantNo ?? ""}>
                <Td className="tabular-nums">{i.drawOrder + 1}</Td>
                <Td>
                  <Link href={`/spot-checks/items/${i.id}`} className="inline-flex min-h-6 items-center text-brand-700 underline underline-offset-2">{i.legalName ?? i.merchantId}</Link>
                  <span className="block font-mono text-xs text-slate-600">{i.merchantNo} · {t("spotChecks.report.versionN", { version: i.merchantVersion })}</span>
                </Td>
                <Td className="font-mono">{i.mcc ?? "—"}</Td>
                <Td>{i.maker}</Td>
                <Td>{i.assignee ?? <span className="font-medium text-amber-900">{t("spotChecks.report.unassigned")}</span>}</Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {i.outcome ? <Badge tone={OUTCOME_TONE[i.outcome]}>{t(`spotChecks.outcomes.${i.outcome}`)}</Badge> : <Badge tone="info">{t("spotChecks.itemStatuses.PENDING")}</Badge>}
                    {i.stale && <Badge tone="warn">{t("spotChecks.item.staleBadge")}</Badge>}
                  </span>
                  {i.checkedAt && <span className="block text-xs text-slate-600">{i.checkedBy} · {format.dateTime(i.checkedAt, { dateStyle: "medium", timeStyle: "short" })}</span>}
                </Td>
                {open && (
                  <Td>
                    {i.status === "PENDING" ? <ReassignControl itemId={i.id} version={i.version} assigneeId={i.assigneeId} merchantName={i.legalName ?? i.merchantId} auditors={auditors} /> : null}
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>
    </div>
  );
}

function BreakdownTable({ rows, keyHeader, label, caption, pct, t }: {
  rows: Breakdown[];
  keyHeader: string;
  label: (key: string) => string;
  caption: string;
  pct: (x: number) => string;
  t: Awaited<ReturnType<typeof getTranslations>>;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{keyHeader}</Th>
          <Th className="text-right">{t("spotChecks.report.colDone")}</Th>
          <Th className="text-right">{t("spotChecks.outcomes.DISCREPANCY")}</Th>
          <Th className="text-right">{t("spotChecks.outcomes.UNREACHABLE")}</Th>
          <Th>{t("spotChecks.report.colRate")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((b) => (
          <tr key={b.key}>
            <Td>{label(b.key)}</Td>
            <Td className="text-right tabular-nums">{b.done} / {b.total}</Td>
            <Td className="text-right tabular-nums">{b.discrepancies}</Td>
            <Td className="text-right tabular-nums">{b.unreachable}</Td>
            <Td className="tabular-nums">{b.wilson95 ? `${pct(b.wilson95.estimate)}（${pct(b.wilson95.lower)} – ${pct(b.wilson95.upper)}）` : "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
