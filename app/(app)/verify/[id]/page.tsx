import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/change-requests/status-badge";
import { Age } from "@/components/workflow/age";
import { BlindVerifyForm } from "@/components/workflow/blind-verify-form";
import { divisionFullName } from "@/lib/domain/reference/divisions";
import { MCC_LIST } from "@/lib/domain/reference/mcc-list";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { getVerificationTask } from "@/lib/server/workflow/verification-task";
import { verifyChangeRequestAction } from "../../change-requests/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

export default async function VerifyRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("change:verify");
  const task = await getVerificationTask(actor, (await params).id);
  if (!task) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const english = (await getLocale()) === "en";
  const mcc = MCC_LIST.find((m) => m.code === task.mcc);
  // Only what finds the paper file: no value that is to be re-keyed is ever sent to this page.
  const details: [string, React.ReactNode][] = [
    [t("verify.reference"), <span key="r" className="font-mono">{task.reference}</span>],
    [t("verify.kind"), t(`changeRequests.kinds.${task.kind}`)],
    [t("verify.merchantType"), t(`changeRequests.merchantTypes.${task.merchantType}`)],
    [t("verify.mcc"), `${task.mcc}${mcc ? ` ${english ? mcc.nameEn : mcc.nameZh}` : ""}`],
    [t("verify.division"), `${divisionFullName(task.divisionCode) ?? ""} ${task.divisionCode}`],
    [t("verify.accountType"), t(`application.accountTypes.${task.accountType}`)],
    [t("verify.maker"), task.makerName],
    [t("verify.submittedAt"), <span key="s">{format.dateTime(task.submittedAt, { dateStyle: "medium", timeStyle: "short" })} · <Age since={task.submittedAt} now={new Date()} /></span>],
  ];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href="/verify" className="text-sm text-brand-700 underline">← {t("verify.back")}</Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("verify.taskTitle", { reference: task.reference })}</h1>
      </div>
      <section aria-labelledby="task-details" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="task-details" className="text-base font-semibold">{t("verify.details")}</h2>
        <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {task.isOwn ? (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <h2 className="font-semibold">{t("verify.ownTitle")}</h2>
          <p className="mt-1 text-sm">{t("verify.ownBody")}</p>
        </div>
      ) : task.status !== "AWAITING_VERIFICATION" ? (
        <div className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-4 text-sm">
          <p className="flex items-center gap-2">{t("verify.notAwaiting", { status: t(`changeRequests.statuses.${task.status}`) })} <StatusBadge status={task.status} /></p>
          <Link href={`/change-requests/${task.id}`} className="text-brand-700 underline">{t("verify.reviewLink")}</Link>
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("verify.taskIntro")}</p>
          <BlindVerifyForm
            changeRequestId={task.id}
            version={task.version}
            needsCreditCode={task.needsCreditCode}
            personalAccount={task.accountType === "PERSONAL"}
            luhnWarning={task.warnings.includes("LUHN_CHECK")}
            makerName={task.makerName}
            action={verifyChangeRequestAction}
          />
        </>
      )}
    </div>
  );
}
