import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { TDashboard } from "@/lib/server/dashboard/load-dashboard";
import { DashboardSection } from "./section";

export async function PairsSection({ pairs }: { pairs: TDashboard["pairs"] }) {
  const t = await getTranslations("dashboard.pairs");
  const format = await getFormatter();
  const { maxPValue, minObserved, minRatio } = pairs.thresholds;
  const num = (v: number, digits = 1) => format.number(v, { maximumFractionDigits: digits });
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  // Tiny tails read better as 3.2 × 10⁻⁴ than as 0.0003.
  const pValue = (p: number) => (p < 0.001 ? format.number(p, { notation: "scientific", maximumFractionDigits: 1 }) : format.number(p, { maximumSignificantDigits: 2 }));
  return (
    <DashboardSection
      id="pairs"
      title={t("heading")}
      intro={t("intro", { maxP: format.number(maxPValue), minObserved, minRatio })}
    >
      <p className="text-sm" data-testid="pairs-summary">
        {t("summary", { tested: pairs.tested, flagged: pairs.flagged })}
      </p>
      {pairs.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-600">{t("empty")}</p>
      ) : (
        <Table caption={t("heading")}>
          <thead>
            <tr>
              <Th>{t("columns.pair")}</Th>
              <Th className="text-right">{t("columns.observed")}</Th>
              <Th className="text-right">{t("columns.expected")}</Th>
              <Th className="text-right">{t("columns.ratio")}</Th>
              <Th className="text-right">{t("columns.pValue")}</Th>
              <Th>{t("columns.why")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {pairs.rows.map((p) => {
              const failed = [
                !p.tests.enoughChecks && t("failed.enoughChecks", { minObserved }),
                !p.tests.improbable && t("failed.improbable", { maxP: format.number(maxPValue) }),
                !p.tests.farAboveChance && t("failed.farAboveChance", { minRatio }),
              ].filter(Boolean);
              return (
                <tr key={`${p.role}-${p.makerId}-${p.checkerId}`} data-pair={`${p.makerUsername}-${p.checkerUsername}`} className={p.flagged ? "bg-red-50" : ""}>
                  <Td className="align-top">
                    <span className="block text-xs text-slate-600">{t(`roles.${p.role}`)}</span>
                    <span className="font-medium">{p.makerName}</span> <span className="text-xs text-slate-600">({p.makerUsername})</span>
                    <span aria-hidden="true"> → </span>
                    <span className="sr-only">{t("checkedBy")}</span>
                    <span className="font-medium">{p.checkerName}</span> <span className="text-xs text-slate-600">({p.checkerUsername})</span>
                  </Td>
                  <Td className="text-right align-top tabular-nums">{p.observed}</Td>
                  <Td className="text-right align-top tabular-nums">{num(p.expected)}</Td>
                  <Td className="text-right align-top tabular-nums">{t("ratioValue", { ratio: num(p.ratio) })}</Td>
                  <Td className="text-right align-top tabular-nums">{pValue(p.pValue)}</Td>
                  <Td className="max-w-xl align-top text-sm">
                    {p.flagged ? <Badge tone="bad">{t("flagged")}</Badge> : <Badge tone="neutral">{t("notFlagged")}</Badge>}
                    <p className="mt-1 text-slate-700">
                      {t(`why.${p.role}`, {
                        maker: p.makerName,
                        checker: p.checkerName,
                        observed: p.observed,
                        makerTotal: p.makerTotal,
                        checkerTotal: p.checkerTotal,
                        eligibleTotal: p.eligibleTotal,
                        share: pct(p.checkerShare),
                        expected: num(p.expected),
                        pValue: pValue(p.pValue),
                      })}
                    </p>
                    {failed.length > 0 && <p className="mt-1 text-slate-600">{t("notFlaggedBecause", { reasons: failed.join(t("listSeparator")) })}</p>}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </DashboardSection>
  );
}
