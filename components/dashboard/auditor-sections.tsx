import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { waitingTime } from "@/lib/domain/dashboard/ageing";
import type { TDashboard } from "@/lib/server/dashboard/load-dashboard";
import { DashboardSection } from "./section";

/** Spot-check campaign progress and open cases: the auditors' own work. */
export async function AuditorSections({ campaigns, cases, now }: { campaigns: TDashboard["campaigns"]; cases: TDashboard["cases"]; now: Date }) {
  const t = await getTranslations("dashboard");
  const tc = await getTranslations("cases.kinds");
  const format = await getFormatter();
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div className="grid gap-8 xl:grid-cols-[3fr_2fr]">
      {campaigns && (
        <DashboardSection id="campaigns" title={t("campaigns.heading")} intro={t("campaigns.intro")}>
          {campaigns.length === 0 ? (
            <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-600">{t("campaigns.empty")}</p>
          ) : (
            <Table caption={t("campaigns.heading")}>
              <thead>
                <tr>
                  <Th>{t("campaigns.name")}</Th>
                  <Th>{t("campaigns.progress")}</Th>
                  <Th className="text-right">{t("campaigns.discrepancies")}</Th>
                  <Th>{t("campaigns.rate")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {campaigns.map((c) => (
                  <tr key={c.id} data-campaign={c.reference}>
                    <Td>
                      <Link href={`/spot-checks/${c.id}`} className="inline-flex min-h-6 items-center font-medium text-brand-700 underline underline-offset-2">{c.name}</Link>
                      <span className="block font-mono text-xs text-slate-600">{c.reference}</span>
                    </Td>
                    <Td className="min-w-44">
                      <span className="tabular-nums">{t("campaigns.doneOf", { done: c.done, total: c.total })}</span>
                      <progress className="mt-1 block h-2 w-full accent-brand-700" value={c.done} max={Math.max(1, c.total)} aria-label={t("campaigns.progressLabel", { name: c.name })} />
                      {(c.stale > 0 || c.unreachable > 0) && <span className="block text-xs text-slate-600">{t("campaigns.staleUnreachable", { stale: c.stale, unreachable: c.unreachable })}</span>}
                    </Td>
                    <Td className="text-right tabular-nums">{t("campaigns.ofExamined", { discrepancies: c.discrepancies, examined: c.examined })}</Td>
                    <Td className="tabular-nums">
                      {c.wilson95 ? t("campaigns.rateValue", { rate: pct(c.wilson95.estimate), low: pct(c.wilson95.lower), high: pct(c.wilson95.upper) }) : t("campaigns.noneExamined")}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </DashboardSection>
      )}
      {cases && (
        <DashboardSection id="cases" title={t("cases.heading")} intro={t("cases.intro")}>
          {cases.length === 0 ? (
            <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-600">{t("cases.empty")}</p>
          ) : (
            <Table caption={t("cases.heading")}>
              <thead>
                <tr>
                  <Th>{t("cases.kind")}</Th>
                  <Th className="text-right">{t("cases.open")}</Th>
                  <Th>{t("cases.oldest")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {cases.map((c) => (
                  <tr key={c.kind} data-case-kind={c.kind}>
                    <Td>{tc.has(c.kind) ? tc(c.kind) : c.kind}</Td>
                    <Td className="text-right tabular-nums">{c.count}</Td>
                    <Td>{t("queues.oldestValue", waitingTime(c.oldest, now))}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Link href="/cases?status=OPEN" className="inline-flex min-h-6 items-center text-sm text-brand-700 underline underline-offset-2">{t("cases.link")}</Link>
        </DashboardSection>
      )}
    </div>
  );
}
