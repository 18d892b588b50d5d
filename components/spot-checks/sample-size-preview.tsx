"use client";

import { useFormatter, useTranslations } from "next-intl";
import { attributeSampleSize } from "@/lib/domain/sampling";
import type { CampaignSizing } from "@/lib/domain/spot-checks/campaign-sizing";
import type { TSpotCheckSizing } from "@/lib/domain/spot-checks/schemas";

/**
 * The formula's inputs and the n it gives, computed in the browser by the same pure function the
 * server uses when it draws; with the population size known, the exact finite-population figure.
 */
export function SampleSizePreview({ sizing, populationSize, planned }: { sizing: TSpotCheckSizing | null; populationSize: number | null; planned: CampaignSizing | null }) {
  const t = useTranslations("spotChecks.new.preview");
  const format = useFormatter();
  const pct = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 2 });
  if (!sizing) return <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-600" role="status">{t("incomplete")}</p>;
  if (sizing.method === "FIXED") {
    return (
      <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-800" role="status" data-testid="sample-size">
        {populationSize !== null ? t("fixed", { n: Math.min(sizing.sampleSize, populationSize), requested: sizing.sampleSize, population: populationSize }) : t("fixedNoPopulation", { n: sizing.sampleSize })}
      </p>
    );
  }
  const large = attributeSampleSize({ confidence: sizing.confidence, tolerableRate: sizing.tolerableRate, expectedRate: sizing.expectedRate });
  const figures = planned?.method === "ATTRIBUTE" ? planned : large.ok ? { sampleSize: large.sampleSize, expectedDeviations: large.expectedDeviations, distribution: large.method, examineAll: false } : null;
  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3 text-sm text-slate-800" role="status" aria-live="polite" data-testid="sample-size">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-600">{t("confidence")}</dt><dd>{pct(sizing.confidence)}</dd>
        <dt className="text-slate-600">{t("risk")}</dt><dd>{pct(1 - sizing.confidence)}</dd>
        <dt className="text-slate-600">{t("tolerable")}</dt><dd>{pct(sizing.tolerableRate)}</dd>
        <dt className="text-slate-600">{t("expected")}</dt><dd>{pct(sizing.expectedRate)}</dd>
        <dt className="text-slate-600">{t("population")}</dt><dd>{populationSize ?? "—"}</dd>
        <dt className="text-slate-600">{t("distribution")}</dt><dd>{figures ? t(`distributions.${figures.distribution}`) : "—"}</dd>
      </dl>
      {figures ? (
        <>
          <p className="text-base font-semibold text-slate-900">{t("computed", { n: figures.sampleSize })}</p>
          {figures.examineAll ? (
            <p className="font-medium text-amber-900">{t("examineAll")}</p>
          ) : (
            <p>{t("explain", { n: figures.sampleSize, k: figures.expectedDeviations, confidence: pct(sizing.confidence), tolerable: pct(sizing.tolerableRate) })}</p>
          )}
          {planned?.method === "ATTRIBUTE" && planned.largePopulationSampleSize !== null && <p className="text-xs text-slate-600">{t("largePopulation", { n: planned.largePopulationSampleSize })}</p>}
        </>
      ) : (
        <p className="font-medium text-red-700">{t("tooLarge")}</p>
      )}
      <p className="text-xs text-slate-600">{t("formula")}</p>
    </div>
  );
}
