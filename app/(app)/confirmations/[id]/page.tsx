import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/change-requests/status-badge";
import { AccountSummary } from "@/components/confirmations/account-summary";
import { ConfirmationForm } from "@/components/confirmations/confirmation-form";
import { RecordedCall } from "@/components/confirmations/recorded-call";
import { Facts } from "@/components/merchants/section";
import { instantToChinaWallClock } from "@/lib/domain/confirmations/hold";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { getConfirmationTask } from "@/lib/server/confirmations/confirmation-task";
import { recordAccountConfirmationAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confirmations"))("taskHeader") };
}

export default async function ConfirmationTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("change:confirm");
  const task = await getConfirmationTask(actor, (await params).id);
  if (!task) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const pending = task.status === "PENDING_CONFIRMATION";
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href="/confirmations" className="text-sm text-brand-700 underline">← {t("confirmations.back")}</Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold">
          <span>{t("confirmations.taskTitle", { reference: task.reference })}</span>
          <StatusBadge status={task.status} />
        </h1>
      </div>
      <section aria-labelledby="change-details" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="change-details" className="mb-2 text-base font-semibold">{t("confirmations.details")}</h2>
        <Facts
          rows={[
            [t("confirmations.merchant"), <Link key="m" href={`/merchants/${task.merchantId}`} className="text-brand-700 underline underline-offset-2">{task.legalName}</Link>],
            [t("merchants.fields.merchantNo"), <span key="no" className="font-mono">{task.merchantNo ?? "—"}</span>],
            [t("confirmations.request"), <Link key="r" href={`/change-requests/${task.id}`} className="font-mono text-brand-700 underline underline-offset-2">{task.reference}</Link>],
            [t("confirmations.maker"), task.makerName],
            [t("confirmations.approvedAt"), when(task.approvedAt)],
            [t("confirmations.holdUntil"), when(task.holdUntil)],
          ]}
        />
        {pending && task.holdUntil && <p className="mt-3 text-sm text-amber-900">{t("confirmations.holdNote", { until: when(task.holdUntil) })}</p>}
      </section>
      <section aria-labelledby="whom-to-call" className="space-y-2 rounded-md border-2 border-brand-600 bg-brand-50 p-4">
        <h2 id="whom-to-call" className="text-base font-semibold">{t("confirmations.callTitle")}</h2>
        <p className="text-sm text-slate-700">{t("confirmations.callIntro")}</p>
        <p className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <span className="font-mono text-2xl font-semibold text-slate-900" data-testid="previous-contact">{task.contact.phone ?? "—"}</span>
          {task.contact.legalRepName && <span className="text-sm text-slate-700">{t("confirmations.contactPerson", { name: task.contact.legalRepName })}</span>}
        </p>
        {task.newPhone && (
          <p role="note" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-900">{t("confirmations.newPhoneWarning", { phone: task.newPhone })}</p>
        )}
      </section>
      <div className="flex flex-col gap-4 md:flex-row md:items-stretch">
        <AccountSummary title={t("confirmations.oldAccount")} account={task.outgoing} tone={task.outgoing?.status === "IN_FORCE" ? "good" : "neutral"} />
        <span aria-hidden="true" className="self-center text-2xl text-slate-400">→</span>
        <AccountSummary title={t("confirmations.newAccount")} account={task.incoming} tone={task.incoming.status === "IN_FORCE" ? "good" : task.incoming.status === "PENDING_CONFIRMATION" ? "warn" : "neutral"} />
      </div>
      {task.confirmation && <RecordedCall call={task.confirmation} />}
      {pending && task.isOwn ? (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <h2 className="font-semibold">{t("confirmations.ownTitle")}</h2>
          <p className="mt-1 text-sm">{t("confirmations.ownBody")}</p>
        </div>
      ) : pending ? (
        <ConfirmationForm changeRequestId={task.id} version={task.version} merchantId={task.merchantId} now={instantToChinaWallClock(new Date())} action={recordAccountConfirmationAction} />
      ) : (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-4 text-sm">{t("confirmations.notPending", { status: t(`changeRequests.statuses.${task.status}`) })}</p>
      )}
    </div>
  );
}
