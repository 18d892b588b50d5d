import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/change-requests/status-badge";
import { ChangeDiff } from "@/components/workflow/change-diff";
import { DecisionPanel } from "@/components/workflow/decision-panel";
import { toFlagViews } from "@/components/workflow/flag-view";
import { ReviewSummary } from "@/components/workflow/review-summary";
import { RiskAtAGlance, RiskFlags } from "@/components/workflow/risk-flags";
import { StatusChangeSummary } from "@/components/workflow/status-change-summary";
import { VerificationHistory } from "@/components/workflow/verification-history";
import { hasPermission } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { getReviewView } from "@/lib/server/workflow/review-view";
import { approveChangeRequestAction, rejectChangeRequestAction, returnChangeRequestAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("header") };
}

const DONE = ["approved", "rejected", "returned"] as const;

export default async function ReviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await requirePageActor("merchant:read");
  const view = await getReviewView(actor, (await params).id);
  if (!view) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const requested = (await searchParams).done;
  const done = DONE.find((d) => d === requested);
  const awaiting = view.status === "AWAITING_APPROVAL" || view.status === "AWAITING_SECOND_APPROVAL";
  const canDecide = view.mayDecide && awaiting;
  const flags = await toFlagViews(view.riskFlags);
  const flagCount = view.riskFlags.length + view.findings.length;
  const needsCreditCode = view.needsCreditCode;

  return (
    <div className="space-y-6">
      <div>
        <Link href={actor.role === "SUPERVISOR" ? "/approvals" : "/change-requests"} className="text-sm text-brand-700 underline">
          ← {actor.role === "SUPERVISOR" ? t("review.back") : t("changeRequests.title")}
        </Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold">
          <span>{t("review.title", { reference: view.reference })}</span>
          <StatusBadge status={view.status} />
        </h1>
      </div>
      {done && (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-sm font-medium text-green-900">
          {done === "approved" ? t("review.approved", { status: t(`changeRequests.statuses.${view.status}`) }) : t(`review.${done}`)}
        </p>
      )}
      {view.mayCorrect && (
        <p className="rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">
          {t("correction.returnedToYou")}{" "}
          <Link href={`/change-requests/${view.id}/correct`} className="font-medium text-brand-700 underline">{t("correction.open")}</Link>
        </p>
      )}
      <ReviewSummary
        view={{ ...view, status: <StatusBadge status={view.status} />, legalName: view.legalName, merchantType: view.merchantType, risk: <RiskAtAGlance highRisk={view.highRisk} count={flagCount} /> }}
      />
      {view.status === "PENDING_CONFIRMATION" && view.holdUntil && (
        <p role="note" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">
          {t("review.pendingConfirmation", { until: format.dateTime(view.holdUntil, { dateStyle: "medium", timeStyle: "short" }) })}{" "}
          {hasPermission(actor.role, "change:confirm") && (
            <Link href={`/confirmations/${view.id}`} className="font-medium text-brand-800 underline underline-offset-2">{t("merchants.accounts.recordCall")}</Link>
          )}
        </p>
      )}
      {view.highRisk && awaiting && <p className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm font-medium text-red-900">{t("review.highRiskNote")}</p>}
      {view.statusChange && <StatusChangeSummary change={view.statusChange} reason={view.makerNote} />}
      <ChangeDiff changes={view.changes} onboarding={view.kind === "ONBOARD"} />
      {!view.statusChange && <VerificationHistory verifications={view.verifications} needsCreditCode={needsCreditCode} />}
      <section aria-labelledby="findings-title" className="space-y-2">
        <h2 id="findings-title" className="text-lg font-semibold">{t("review.findingsTitle")}</h2>
        {view.findings.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-600">{t("review.noFindings")}</p>
        ) : (
          <ul className="list-disc space-y-1 rounded-md border border-amber-300 bg-amber-50 py-3 pr-4 pl-8 text-sm text-amber-950">
            {view.findings.map((f) => (
              <li key={`${f.code}-${f.field}-${f.otherMerchant}`}>
                {t.has(`review.finding.${f.code}`) ? t(`review.finding.${f.code}`, { name: f.otherMerchant }) : t("review.finding.other", { code: f.code, name: f.otherMerchant })}
              </li>
            ))}
          </ul>
        )}
        {view.accountWarnings.length > 0 && (
          <p className="text-sm text-amber-900"><span className="font-medium">{t("review.accountWarnings")}：</span>{view.accountWarnings.join(", ")}</p>
        )}
      </section>
      <section aria-labelledby="flags-title" className="space-y-2">
        <h2 id="flags-title" className="text-lg font-semibold">{canDecide ? `${t("review.flagsTitle")} · ${t("review.decisionsTitle")}` : t("review.flagsTitle")}</h2>
        {canDecide && flags.length > 0 && <p className="text-sm text-slate-700">{t("review.flagsIntro")}</p>}
        {canDecide ? (
          <DecisionPanel
            changeRequestId={view.id}
            version={view.version}
            flags={flags}
            actions={{ approve: approveChangeRequestAction, reject: rejectChangeRequestAction, return: view.statusChange ? null : returnChangeRequestAction }}
          />
        ) : (
          <RiskFlags flags={flags} />
        )}
        {actor.role === "SUPERVISOR" && awaiting && !view.mayDecide && (
          <p className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm font-medium text-slate-800">{t("review.cannotDecide")}</p>
        )}
      </section>
    </div>
  );
}
