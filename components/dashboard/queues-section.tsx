import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { AGE_BUCKETS, isOverdue, OVERDUE_AFTER_DAYS, waitingTime } from "@/lib/domain/dashboard/ageing";
import type { TDashboard } from "@/lib/server/dashboard/load-dashboard";
import { QueueAgeingChart } from "./queue-ageing-chart";
import { DashboardSection } from "./section";

export async function QueuesSection({ queues, now }: { queues: TDashboard["queues"]; now: Date }) {
  const t = await getTranslations("dashboard.queues");
  const bucketLabels = Object.fromEntries(AGE_BUCKETS.map((b) => [b, t(`buckets.${b}`)])) as Record<(typeof AGE_BUCKETS)[number], string>;
  return (
    <DashboardSection id="queues" title={t("heading")} intro={t("intro", { days: OVERDUE_AFTER_DAYS })}>
      <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
        <Table caption={t("heading")}>
          <thead>
            <tr>
              <Th>{t("queue")}</Th>
              <Th className="text-right">{t("waiting")}</Th>
              <Th>{t("oldest")}</Th>
              {AGE_BUCKETS.map((b) => <Th key={b} className="text-right">{bucketLabels[b]}</Th>)}
              <Th className="text-right">{t("flagged")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {queues.map((q) => {
              const oldest = q.oldest ? waitingTime(q.oldest, now) : null;
              return (
                <tr key={q.status} data-queue={q.status}>
                  <Td className="font-medium">{t(`names.${q.status}`)}</Td>
                  <Td className="text-right tabular-nums" data-testid="queue-total">{q.total}</Td>
                  <Td className="whitespace-nowrap">
                    {oldest ? (oldest.days + oldest.hours === 0 ? t("underAnHour") : t("oldestValue", oldest)) : "—"}{" "}
                    {isOverdue(q.oldest, now) && <Badge tone="warn">{t("overdue")}</Badge>}
                  </Td>
                  {AGE_BUCKETS.map((b) => <Td key={b} className="text-right tabular-nums">{q.byAge[b]}</Td>)}
                  <Td className="text-right tabular-nums">
                    {q.flagged}
                    {q.highRisk > 0 && <span className="block text-xs text-red-800">{t("highRisk", { count: q.highRisk })}</span>}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
        <figure className="rounded-md border border-slate-200 bg-white p-3">
          <figcaption className="text-sm font-medium">{t("chartTitle")}</figcaption>
          <QueueAgeingChart
            label={t("chartLabel")}
            bucketLabels={bucketLabels}
            data={queues.map((q) => ({ queue: t(`names.${q.status}`), ...q.byAge }))}
          />
        </figure>
      </div>
    </DashboardSection>
  );
}
