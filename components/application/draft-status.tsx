"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { TDraftStatus } from "./use-draft-autosave";

/** The draft's save state, announced politely; a conflict is an alert with the way out. */
export function DraftStatus({ status }: { status: TDraftStatus }) {
  const t = useTranslations();
  const locale = useLocale();
  const time = (at: Date) => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hour12: false }).format(at);
  const text =
    status.kind === "saved"
      ? t("application.status.savedAt", { time: time(status.at) })
      : status.kind === "failed"
        ? t("application.status.failed", { reason: t.has(`errors.${status.code}`) ? t(`errors.${status.code}`) : status.code })
        : status.kind === "conflict"
          ? ""
          : t(`application.status.${status.kind}`);
  return (
    <>
      <p role="status" aria-live="polite" className={`text-sm ${status.kind === "failed" ? "text-red-700" : "text-slate-600"}`}>
        {text}
      </p>
      {status.kind === "conflict" && (
        <div role="alert" className="w-full rounded-md border-2 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">
          <p>{t("application.status.conflict")}</p>
          <Button variant="secondary" className="mt-2" onClick={() => window.location.reload()}>
            {t("application.reloadDraft")}
          </Button>
        </div>
      )}
    </>
  );
}
