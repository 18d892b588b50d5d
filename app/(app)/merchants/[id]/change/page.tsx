import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MerchantChangeForm } from "@/components/application/merchant-change-form";
import { StatusBadge } from "@/components/change-requests/status-badge";
import { MerchantStatusBadge } from "@/components/merchants/merchant-status-badge";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { formOptions } from "@/lib/server/applications/form-options";
import { getCorrectionCase } from "@/lib/server/cases/list-correction-cases";
import { getMerchantChangeTask } from "@/lib/server/merchants/merchant-change-task";
import { previewDuplicatesAction } from "../../../applications/actions";
import { submitMerchantChangeAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantChange"))("header") };
}

export default async function MerchantChangePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("change:submit");
  const task = await getMerchantChangeTask(actor, (await params).id);
  if (!task) notFound();
  const caseParam = (await searchParams).case;
  const requestedCase = typeof caseParam === "string" && caseParam.length <= 64 ? caseParam : undefined;
  const correction = requestedCase ? await getCorrectionCase(actor, requestedCase, task.merchantId) : null;
  const t = await getTranslations();
  const open = task.openRequest;
  const closed = task.status === "CLOSED";

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div className="space-y-2">
        <Link href={`/merchants/${task.merchantId}`} className="text-sm text-brand-700 underline">← {t("merchantChange.back")}</Link>
        <h1 className="text-2xl font-semibold">{t("merchantChange.title", { name: task.legalName })}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <span>{t("merchants.fields.merchantNo")} <span className="font-mono font-medium text-slate-900">{task.merchantNo}</span></span>
          <MerchantStatusBadge status={task.status} />
          <span>{t("merchantChange.basedOn", { version: task.version })}</span>
        </p>
      </div>
      {correction && (
        <div role="note" aria-labelledby="correction-case-title" className="space-y-1 rounded-md border-l-4 border-brand-600 bg-brand-50 p-4 text-sm text-slate-900" data-testid="correction-case">
          <p id="correction-case-title" className="font-semibold">{t("merchantChange.correctionCase", { reference: correction.reference })}</p>
          <p className="whitespace-pre-wrap">{correction.summary}</p>
          <p className="text-slate-700">{t("merchantChange.correctionCaseHint")}</p>
        </div>
      )}
      {requestedCase && !correction && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">{t("merchantChange.correctionCaseGone")}</p>
      )}
      {open ? (
        <div role="note" className="space-y-2 rounded-md border-l-4 border-amber-500 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="flex flex-wrap items-center gap-2 font-semibold">{t("merchantChange.openTitle")} <StatusBadge status={open.status} /></p>
          <p>{t("merchantChange.openIntro", { reference: open.reference })}</p>
          <Link href={`/change-requests/${open.id}`} className="font-medium text-brand-800 underline underline-offset-2">{t("merchants.viewRequest", { reference: open.reference })}</Link>
        </div>
      ) : closed ? (
        <p role="note" className="rounded-md border border-slate-300 bg-slate-50 p-4 text-sm">{t("merchantChange.closed")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("merchantChange.intro")}</p>
          <MerchantChangeForm
            options={await formOptions()}
            merchant={{ id: task.merchantId, version: task.version, values: task.values, onFile: task.onFile }}
            actions={{ submit: submitMerchantChangeAction, previewDuplicates: previewDuplicatesAction }}
            caseId={correction?.id}
          />
        </>
      )}
    </div>
  );
}
