import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CorrectionForm } from "@/components/application/correction-form";
import { StatusBadge } from "@/components/change-requests/status-badge";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { formOptions } from "@/lib/server/applications/form-options";
import { getCorrectionTask } from "@/lib/server/workflow/correction-task";
import { previewDuplicatesAction } from "../../../applications/actions";
import { correctChangeRequestAction } from "../../actions";
import { CancelRequestButton } from "./cancel-request-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("correction"))("header") };
}

export default async function CorrectRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("change:submit");
  const task = await getCorrectionTask(actor, (await params).id);
  if (!task.found) notFound();
  // Only the maker corrects their entry (segregation of duties): another clerk is refused outright.
  if (!task.mine) redirect("/forbidden");
  const t = await getTranslations();
  const format = await getFormatter();
  const back = <Link href="/my-work" className="text-sm text-brand-700 underline">← {t("correction.back")}</Link>;
  const title = <h1 className="mt-2 text-2xl font-semibold">{t("correction.title", { reference: task.reference })}</h1>;

  if (task.status !== "RETURNED") {
    return (
      <div className="mx-auto max-w-5xl space-y-4">
        <div>{back}{title}</div>
        <div className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-4 text-sm">
          <p className="flex items-center gap-2">{t("correction.notReturned", { status: t(`changeRequests.statuses.${task.status}`) })} <StatusBadge status={task.status} /></p>
          <Link href={`/change-requests/${task.id}`} className="text-brand-700 underline">{t("correction.viewRequest")}</Link>
        </div>
      </div>
    );
  }

  const mismatched = task.mismatchedFields.map((f) => (t.has(`verify.fields.${f}`) ? t(`verify.fields.${f}`) : f));
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>{back}{title}</div>
      <p className="text-sm text-slate-700">{t("correction.intro")}</p>
      <section aria-labelledby="return-reasons" className="space-y-2 rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-sm text-amber-950">
        <h2 id="return-reasons" className="text-base font-semibold">{t("correction.whyTitle")}</h2>
        {mismatched.length > 0 && (
          <div data-testid="mismatched-fields">
            <p className="font-medium">{t("correction.mismatched", { fields: format.list(mismatched, { type: "conjunction" }) })}</p>
            <p className="mt-1">{t("correction.mismatchedAdvice")}</p>
          </div>
        )}
        {task.decisionNote && (
          <p>
            <span className="font-medium">{t("correction.supervisorComment")}：</span>
            {task.decisionNote}
          </p>
        )}
      </section>
      <CorrectionForm
        options={await formOptions()}
        request={{ id: task.id, reference: task.reference, version: task.version, mismatchedFields: task.mismatchedFields, values: task.values, onFile: task.onFile }}
        actions={{ correct: correctChangeRequestAction, previewDuplicates: previewDuplicatesAction }}
      />
      <section aria-labelledby="cancel-request" className="space-y-2 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="cancel-request" className="text-lg font-semibold">{t("correction.cancelTitle")}</h2>
        <p className="text-sm text-slate-700">{t("correction.cancelIntro")}</p>
        <CancelRequestButton changeRequestId={task.id} version={task.version} reference={task.reference} />
      </section>
    </div>
  );
}
