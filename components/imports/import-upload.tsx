"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ndjsonMessages } from "@/components/forms/ndjson-lines";
import { Button } from "@/components/ui/button";
import { importMessageText } from "@/lib/domain/imports/message-text";

type Progress = { total: number; read: number; accepted: number; rejected: number };
type Summary = { id: string; reference: string; createdAt: string; accepted: number; rejected: number; rowsRead: number; maker?: string };
type Rejection = { row: number; column: string; message: string; params?: Record<string, string | number> };
type Outcome =
  | { type: "done"; import: Summary; requests: { row: number; changeRequestId: string; reference: string }[]; rejections: Rejection[] }
  | { type: "duplicate"; import: Summary }
  | { type: "error"; error: string; fieldErrors: Record<string, string[]>; params: Record<string, string | number> };

const FIRST_ERRORS = 10;

/** Upload with live progress: the server streams a line per batch of rows, then the outcome. */
export function ImportUpload() {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [noFile, setNoFile] = useState(false);
  const text = (key: string, params?: Record<string, string | number>) => importMessageText(t as never, locale, key, params);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setNoFile(!file);
    if (!file) return input.current?.focus();
    setRunning(true);
    setProgress(undefined);
    setOutcome(undefined);
    const body = new FormData();
    body.set("file", file);
    try {
      const response = await fetch("/imports/upload", { method: "POST", body });
      if (!response.body || !(response.headers.get("content-type") ?? "").includes("ndjson")) {
        const refusal = (await response.json().catch(() => ({ error: "UNEXPECTED" }))) as { error: string; fieldErrors?: Record<string, string[]>; params?: Record<string, string | number> };
        setOutcome({ type: "error", error: refusal.error, fieldErrors: refusal.fieldErrors ?? {}, params: refusal.params ?? {} });
        return;
      }
      for await (const message of ndjsonMessages<({ type: "progress" } & Progress) | Outcome>(response.body)) {
        if (message.type === "progress") setProgress(message);
        else setOutcome(message);
      }
    } catch {
      setOutcome({ type: "error", error: "UNEXPECTED", fieldErrors: {}, params: {} });
    } finally {
      setRunning(false);
      router.refresh();
    }
  }

  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-4">
      <form onSubmit={upload} className="space-y-3" noValidate>
        <fieldset disabled={running} className="space-y-3">
          <label htmlFor="import-file" className="block text-sm font-medium">{t("imports.upload.file")}</label>
          <input
            ref={input}
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={noFile ? "import-file-error" : undefined}
            aria-invalid={noFile || undefined}
            onChange={() => setNoFile(false)}
            className="block w-full max-w-xl rounded-md border border-slate-300 bg-white text-sm file:mr-3 file:rounded-l-md file:border-0 file:bg-slate-100 file:px-3 file:py-2"
          />
          {noFile && <p id="import-file-error" className="text-sm text-red-700">{t("imports.upload.noFile")}</p>}
          <Button type="submit">{running ? t("imports.upload.running") : t("imports.upload.submit")}</Button>
        </fieldset>
      </form>

      {(running || progress) && (
        <div className="space-y-1" aria-live="polite">
          <progress className="h-3 w-full max-w-xl" aria-label={t("imports.progress.label")} max={progress?.total || 1} value={progress?.read ?? 0} />
          <p className="text-sm text-slate-700" data-testid="import-progress">
            {!progress ? t("imports.progress.reading") : t("imports.progress.counts", { ...progress })}
            {running && progress && progress.read === progress.total ? ` ${t("imports.progress.saving")}` : ""}
          </p>
        </div>
      )}

      <div role="status" aria-live="polite">
        {outcome?.type === "done" && (
          <div className={`space-y-2 rounded-md border p-4 ${outcome.import.accepted ? "border-emerald-300 bg-emerald-50" : "border-amber-300 bg-amber-50"}`}>
            <p className="font-medium">{t("imports.result.done", { reference: outcome.import.reference, accepted: outcome.import.accepted, rejected: outcome.import.rejected })}</p>
            <p className="text-sm">{outcome.import.accepted ? t("imports.result.toQueue") : t("imports.result.noneAccepted")}</p>
            {outcome.requests.length > 0 && (
              <details className="text-sm">
                <summary className="cursor-pointer">{t("imports.result.opened", { count: outcome.import.accepted })}</summary>
                <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" data-testid="imported-requests">
                  {outcome.requests.map((r) => (
                    <li key={r.changeRequestId}>
                      <a className="font-mono text-brand-700 underline" href={`/change-requests/${r.changeRequestId}`} data-change-request={r.changeRequestId}>{r.reference}</a>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {outcome.import.rejected > 0 && (
              <>
                <a className="inline-block font-medium text-brand-700 underline" href={`/imports/${outcome.import.id}/errors`} download>{t("imports.result.errorReport")}</a>
                {outcome.import.accepted > 0 && <p className="text-sm">{t("imports.result.fixHint")}</p>}
                <p className="text-sm font-medium">{t("imports.result.firstErrors")}</p>
                <ul className="list-disc space-y-0.5 pl-5 text-sm">
                  {outcome.rejections.slice(0, FIRST_ERRORS).map((r, i) => (
                    <li key={i}>
                      {t("imports.report.row")} {r.row} · <span className="font-mono">{r.column || t("imports.report.wholeRow")}</span> · {text(r.message, r.params)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {outcome?.type === "duplicate" && (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-4">
            <p className="font-medium">
              {t("imports.result.duplicate", { reference: outcome.import.reference, at: when(outcome.import.createdAt), maker: outcome.import.maker || "—", accepted: outcome.import.accepted, rejected: outcome.import.rejected })}
            </p>
            {outcome.import.rejected > 0 && <a className="mt-2 inline-block font-medium text-brand-700 underline" href={`/imports/${outcome.import.id}/errors`} download>{t("imports.result.errorReport")}</a>}
          </div>
        )}
        {outcome?.type === "error" && (
          <div className="space-y-1 rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
            <p className="font-medium">{t("imports.result.failed")} {t.has(`errors.${outcome.error}`) ? t(`errors.${outcome.error}`, outcome.params as never) : ""}</p>
            <ul className="list-disc pl-5 text-sm">
              {Object.entries(outcome.fieldErrors).flatMap(([field, messages]) =>
                messages.map((m) => <li key={field + m}>{field.startsWith("column:") ? <span className="font-mono">{field.slice(7)}: </span> : null}{text(m, outcome.params)}</li>),
              )}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
