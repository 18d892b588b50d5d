"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export type TRiskFlagView = { code: string; severity: string; title: string; message: string; evidence: [string, string][] };

const TONE: Record<string, "bad" | "warn" | "neutral"> = { high: "bad", medium: "warn", low: "neutral" };

/** The flags with what each means; with `acknowledged`, each carries the checkbox approval waits on. */
export function RiskFlags({ flags, acknowledged, onToggle }: { flags: TRiskFlagView[]; acknowledged?: Set<string>; onToggle?: (code: string, on: boolean) => void }) {
  const t = useTranslations("review");
  if (flags.length === 0) return <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-600">{t("noFlags")}</p>;
  return (
    <ul className="space-y-3">
      {flags.map((flag) => (
        <li key={flag.code} data-flag={flag.code} className={`rounded-md border bg-white p-4 ${flag.severity === "high" ? "border-red-300" : "border-amber-300"}`}>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TONE[flag.severity] ?? "neutral"}>{t("severityLabel", { level: t.has(`severity.${flag.severity}`) ? t(`severity.${flag.severity}`) : flag.severity })}</Badge>
            <h3 className="font-semibold text-slate-900">{flag.title}</h3>
            <span className="font-mono text-xs text-slate-500">{flag.code}</span>
          </div>
          {flag.message && <p id={`flag-${flag.code}`} className="mt-2 text-sm text-slate-900">{flag.message}</p>}
          {flag.evidence.length > 0 && (
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 rounded bg-slate-50 p-2 text-sm text-slate-800">
              {flag.evidence.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-slate-600">{key}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
          {acknowledged && onToggle && (
            <label className="mt-3 flex items-center gap-2 text-sm font-medium">
              <input type="checkbox" className="h-4 w-4" checked={acknowledged.has(flag.code)} onChange={(e) => onToggle(flag.code, e.target.checked)} aria-describedby={flag.message ? `flag-${flag.code}` : undefined} />
              {t("acknowledge")}<span className="sr-only">：{flag.title}</span>
            </label>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The queue's risk badges, linking down to the flags section. */
export function RiskAtAGlance({ highRisk, count }: { highRisk: boolean; count: number }) {
  const t = useTranslations();
  return (
    <a href="#flags-title" className="inline-flex flex-wrap items-center gap-1 underline-offset-2 hover:underline">
      {highRisk && <Badge tone="bad">{t("approvals.highRisk")}</Badge>}
      {count > 0 ? <Badge tone={highRisk ? "bad" : "warn"}>{t("approvals.flags", { count })}</Badge> : <Badge tone="good">{t("approvals.noFlags")}</Badge>}
      <span className="text-sm font-normal text-brand-700">{t("review.toFlags")}</span>
    </a>
  );
}
