"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

type Refusal = { error?: string; fieldErrors?: Record<string, string[]>; params?: Record<string, string | number> };

/**
 * Sends the file as the raw request body (XMLHttpRequest for upload progress): the server streams
 * it to disk and answers with the run, whose page then shows staging and comparison.
 */
export function UploadForm() {
  const t = useTranslations();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<string>();

  const refusal = (status: number, body: Refusal | null) => {
    const code = body?.error ?? (status === 413 ? "VALIDATION" : "UNEXPECTED");
    const messages = Object.values(body?.fieldErrors ?? {}).flat().filter((k) => t.has(k)).map((k) => t(k));
    return [t(`errors.${code}`, body?.params ?? {}), ...messages].join(" ");
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t("validation.reconciliation.fileRequired"));
      input.current?.focus();
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/reconciliation/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.upload.onprogress = (e) => setSent({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let body: (Refusal & { runId?: string }) | null = null;
      try {
        body = JSON.parse(xhr.responseText) as Refusal & { runId?: string };
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body?.runId) router.push(`/reconciliation/${body.runId}`);
      else {
        setSent(null);
        setError(refusal(xhr.status, body));
      }
    };
    xhr.onerror = () => {
      setSent(null);
      setError(t("reconRuns.upload.networkError"));
    };
    setSent({ loaded: 0, total: file.size });
    xhr.send(file);
  };

  const pct = sent && sent.total > 0 ? Math.round((sent.loaded / sent.total) * 100) : 0;
  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border border-slate-200 bg-white p-4" aria-labelledby="upload-title">
      <h2 id="upload-title" className="font-semibold">{t("reconRuns.upload.title")}</h2>
      <p className="max-w-3xl text-sm text-slate-600">{t("reconRuns.upload.help")}</p>
      <div>
        <label htmlFor="transaction-file" className="block text-sm font-medium">{t("reconRuns.upload.file")}</label>
        <input
          id="transaction-file" ref={input} type="file" accept=".csv,.txt,text/csv" aria-describedby={error ? "upload-error" : undefined}
          aria-invalid={error ? true : undefined}
          className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
          onChange={() => setError(undefined)}
        />
      </div>
      {error && <p id="upload-error" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">{error}</p>}
      {sent && (
        <div role="status" aria-live="polite" className="space-y-1 text-sm">
          <div className="h-2 w-full max-w-md overflow-hidden rounded bg-slate-200" aria-hidden="true"><div className="h-full bg-brand-700" style={{ width: `${pct}%` }} /></div>
          <span className="tabular-nums">{t("reconRuns.upload.sending", { pct })}</span>
        </div>
      )}
      <Button type="submit" disabled={sent !== null}>{sent ? t("reconRuns.upload.uploading") : t("reconRuns.upload.submit")}</Button>
    </form>
  );
}
