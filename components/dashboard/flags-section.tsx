import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { TDashboard } from "@/lib/server/dashboard/load-dashboard";
import { DashboardSection } from "./section";

const TONE = { high: "bad", medium: "warn", low: "neutral" } as const;

export async function FlagsSection({ flags }: { flags: TDashboard["flags"] }) {
  const t = await getTranslations("dashboard.flags");
  const tr = await getTranslations("review.severity");
  const total = flags.reduce((n, f) => n + f.count, 0);
  return (
    <DashboardSection id="flags" title={t("heading")} intro={t("intro", { total })}>
      {flags.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-600">{t("none")}</p>
      ) : (
        <Table caption={t("heading")}>
          <thead>
            <tr>
              <Th>{t("code")}</Th>
              <Th>{t("severity")}</Th>
              <Th className="text-right">{t("count")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {flags.map((f) => (
              <tr key={`${f.code}-${f.severity}`} data-flag={f.code}>
                <Td>{t.has(`codes.${f.code}`) ? t(`codes.${f.code}`) : f.code}</Td>
                <Td><Badge tone={TONE[f.severity as keyof typeof TONE] ?? "neutral"}>{tr.has(f.severity) ? tr(f.severity) : f.severity}</Badge></Td>
                <Td className="text-right tabular-nums">{f.count}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </DashboardSection>
  );
}
