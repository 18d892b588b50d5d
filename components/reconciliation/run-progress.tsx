"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { fileSize } from "@/lib/domain/reconciliation/file-size";
import type { RunView } from "@/lib/server/reconciliation/get-run";

const POLL_MS = 1000;

function Bar({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="space-y-1">
      <div className="flex justify-between gap-4 text-sm"><span className="font-medium">{label}</span><span className="tabular-nums text-slate-700">{text}</span></div>
      <div className="h-3 w-full overflow-hidden rounded bg-slate-200" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** Bytes read, rows staged and rows compared, polled from the run row while a worker holds it. */
export function RunProgress({ initial }: { initial: RunView }) {
  const t = useTranslations("reconRuns");
  const format = useFormatter();
  const router = useRouter();
  const [run, setRun] = useState(initial);

  useEffect(() => {
    if (!run.working && run.status !== "STAGING" && run.status !== "RECEIVING") return;
    const timer = setTimeout(async () => {
      const response = await fetch(`/reconciliation/${run.id}/progress`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return setRun({ ...run });
      const next = (await response.json()) as RunView;
      setRun(next);
      if (next.status !== run.status || next.interrupted !== run.interrupted) router.refresh();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run, router]);

  const n = (v: number) => format.number(v);
  const size = (v: number) => fileSize(v, (n, d) => format.number(n, { maximumFractionDigits: d }));
  return (
    <section aria-label={t("progress.title")} className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t("progress.title")}</h2>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">{t(`progress.phase.${run.interrupted ? "INTERRUPTED" : run.status}`)}</p>
      <Bar label={t("progress.bytesRead")} value={run.bytesRead} max={run.sizeBytes} text={t("progress.ofSize", { read: size(run.bytesRead), total: size(run.sizeBytes) })} />
      <Bar label={t("progress.rowsStaged")} value={run.status === "STAGING" ? run.bytesRead : run.rowsRead} max={run.status === "STAGING" ? run.sizeBytes : Math.max(run.rowsRead, 1)}
        text={t("progress.rows", { staged: n(run.rowsStaged), rejected: n(run.rowsRejected) })} />
      <Bar label={t("progress.rowsCompared")} value={run.rowsCompared} max={run.rowsStaged} text={t("progress.compared", { compared: n(run.rowsCompared), staged: n(run.rowsStaged) })} />
    </section>
  );
}
