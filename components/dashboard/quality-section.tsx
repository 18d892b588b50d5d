import Link from "@/components/ui/link";
import { Fragment } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { RATE_KEYS, type Rate, type TRateKey } from "@/lib/domain/dashboard/quality";
import type { TDashboardQuery, TQualitySortKey } from "@/lib/domain/dashboard/query";
import type { TDashboard } from "@/lib/server/dashboard/load-dashboard";
import { ClerkRatesChart } from "./clerk-rates-chart";
import { DashboardSection } from "./section";

const CHART_CLERKS = 12;

export async function QualitySection({ quality, query }: { quality: TDashboard["quality"]; query: TDashboardQuery }) {
  const t = await getTranslations("dashboard.quality");
  const format = await getFormatter();
  const rateText = (r: Rate) =>
    r.value === null ? t("noData") : t("rateValue", { rate: format.number(r.value, { style: "percent", maximumFractionDigits: 1 }), numerator: r.numerator, denominator: r.denominator });
  const rateLabels = Object.fromEntries(RATE_KEYS.map((k) => [k, t(`columns.${k}`)])) as Record<TRateKey, string>;

  const sortHeader = (key: TQualitySortKey, label: string, className = "") => {
    const active = query.sort === key;
    return (
      <Th className={className} aria-sort={active ? "descending" : "none"}>
        <Link
          href={`/dashboard?${new URLSearchParams({ period: String(query.period), sort: key }).toString()}#quality`}
          className={`inline-flex min-h-6 items-center underline-offset-2 hover:underline ${active ? "text-brand-800 underline" : "text-slate-700"}`}
          aria-label={t("sortBy", { column: label })}
        >
          {label}
          {active && <span aria-hidden="true"> ▼</span>}
        </Link>
      </Th>
    );
  };

  const charted = quality.rows.filter((r) => RATE_KEYS.some((k) => r[k].value !== null)).slice(0, CHART_CLERKS);
  return (
    <DashboardSection id="quality" title={t("heading")} intro={t("intro")}>
      <dl className="grid gap-x-6 gap-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm sm:grid-cols-2">
        {RATE_KEYS.map((k) => (
          <div key={k}>
            <dt className="inline font-medium">{rateLabels[k]}: </dt>
            <dd className="inline text-slate-700">{t(`definitions.${k}`)}</dd>
          </div>
        ))}
      </dl>
      {quality.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-600">{t("empty")}</p>
      ) : (
        <Table caption={t("caption")}>
          <thead>
            <tr>
              <Th>{t("columns.clerk")}</Th>
              {sortHeader("entries", t("columns.entries"), "text-right")}
              {RATE_KEYS.map((k) => <Fragment key={k}>{sortHeader(k, rateLabels[k], "text-right")}</Fragment>)}
              {sortHeader("worst", t("columns.worst"), "text-right")}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {quality.rows.map((r) => {
              const worst = Math.max(...RATE_KEYS.map((k) => r[k].value ?? -1));
              return (
                <tr key={r.clerkId} data-clerk={r.username}>
                  <Td>
                    <span className="font-medium">{r.name}</span>
                    <span className="block text-xs text-slate-600">{r.username}</span>
                  </Td>
                  <Td className="text-right tabular-nums">{r.entries}</Td>
                  {RATE_KEYS.map((k) => (
                    <Td key={k} className={`text-right tabular-nums ${r[k].value === null ? "text-slate-500" : ""}`} data-rate={k}>{rateText(r[k])}</Td>
                  ))}
                  <Td className="text-right tabular-nums">{worst < 0 ? t("noData") : format.number(worst, { style: "percent", maximumFractionDigits: 1 })}</Td>
                </tr>
              );
            })}
          </tbody>
          <tfoot className="border-t-2 border-slate-200 bg-slate-50">
            <tr data-clerk="team">
              <Th scope="row">{t("team")}</Th>
              <Td className="text-right font-semibold tabular-nums">{quality.team.entries}</Td>
              {RATE_KEYS.map((k) => <Td key={k} className="text-right font-semibold tabular-nums">{rateText(quality.team[k])}</Td>)}
              <Td />
            </tr>
          </tfoot>
        </Table>
      )}
      {charted.length > 0 && (
        <figure className="rounded-md border border-slate-200 bg-white p-3">
          <figcaption className="text-sm font-medium">{t("chartTitle", { count: charted.length })}</figcaption>
          <ClerkRatesChart
            label={t("chartLabel")}
            rateLabels={rateLabels}
            data={charted.map((r) => ({ clerk: r.name, ...Object.fromEntries(RATE_KEYS.map((k) => [k, r[k].value === null ? null : r[k].value! * 100])) }) as { clerk: string } & Record<TRateKey, number | null>)}
          />
        </figure>
      )}
    </DashboardSection>
  );
}
