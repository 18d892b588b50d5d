import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ChangeRequestTable } from "@/components/change-requests/change-request-table";
import { listMyDrafts } from "@/lib/server/applications/list-my-drafts";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { hasPermission } from "@/lib/domain/permissions";
import { listCorrectionCases } from "@/lib/server/cases/list-correction-cases";
import { listChangeRequests } from "@/lib/server/change-requests/list-change-requests";
import { listReturnedToMe } from "@/lib/server/workflow/queues";
import { DeleteDraftButton } from "./delete-draft-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("work"))("title") };
}

export default async function MyWorkPage() {
  const actor = await requirePageActor("merchant:draft");
  const t = await getTranslations();
  const format = await getFormatter();
  const drafts = await listMyDrafts(actor);
  const { requests } = await listChangeRequests(actor, { mine: "1" });
  const returned = await listReturnedToMe(actor);
  const corrections = hasPermission(actor.role, "change:submit") ? await listCorrectionCases(actor) : null;
  const fieldNames = (fields: string[]) => format.list(fields.map((f) => (t.has(`verify.fields.${f}`) ? t(`verify.fields.${f}`) : f)), { type: "conjunction" });
  return (
    <div className="space-y-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("work.title")}</h1>
        <Link href="/applications/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("work.newApplication")}</Link>
      </div>
      <section aria-labelledby="returned" className="space-y-3">
        <h2 id="returned" className="text-lg font-semibold">{t("work.returned")}</h2>
        {returned.length === 0 ? (
          <p className="text-slate-600">{t("work.noReturned")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-amber-300 bg-white">
            {returned.map((r) => (
              <li key={r.id} data-reference={r.reference} className="flex items-center justify-between gap-4 px-4 py-3">
                <div className="space-y-0.5">
                  <p className="font-medium"><span className="font-mono">{r.reference}</span> · {r.legalName}</p>
                  {r.mismatchedFields.length > 0 && <p className="text-sm text-amber-900">{t("work.returnedMismatch", { fields: fieldNames(r.mismatchedFields) })}</p>}
                  {r.decisionNote && <p className="text-sm text-slate-700">{t("work.returnedComment", { comment: r.decisionNote })}</p>}
                </div>
                <Link href={`/change-requests/${r.id}/correct`} className="shrink-0 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
                  {t("work.correct")}<span className="sr-only"> {r.reference}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {corrections && (
        <section aria-labelledby="correction-cases" className="space-y-3">
          <h2 id="correction-cases" className="text-lg font-semibold">{t("work.correctionCases")}</h2>
          <p className="max-w-3xl text-sm text-slate-600">{t("work.correctionCasesIntro")}</p>
          {corrections.cases.length === 0 ? (
            <p className="text-slate-600">{t("work.noCorrectionCases")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-md border border-brand-600 bg-white" data-testid="correction-cases">
              {corrections.cases.map((c) => (
                <li key={c.id} data-reference={c.reference} className="flex flex-wrap items-center justify-between gap-4 px-4 py-3">
                  <div className="min-w-0 space-y-0.5">
                    <p className="font-medium">
                      <span className="font-mono">{c.reference}</span> · <Link href={`/merchants/${c.merchantId}`} className="text-brand-700 underline underline-offset-2">{c.merchant?.legalName}</Link>
                      {c.priority === "HIGH" && <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">{t("cases.priorities.HIGH")}</span>}
                    </p>
                    <p className="whitespace-pre-wrap text-sm text-slate-800">{c.summary}</p>
                    <p className="text-xs text-slate-600">{t(`cases.kinds.${c.kind}`)} · {t("cases.openedAt")} {format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</p>
                  </div>
                  {c.openRequest ? (
                    <Link href={`/change-requests/${c.openRequest.id}`} className="shrink-0 text-sm text-brand-700 underline underline-offset-2">
                      {t("work.correctionInProgress", { reference: c.openRequest.reference })}
                    </Link>
                  ) : (
                    <Link href={`/merchants/${c.merchantId}/change?case=${c.id}`} className="shrink-0 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
                      {t("work.requestChange")}<span className="sr-only"> {c.reference}</span>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
          {corrections.total > corrections.cases.length && <p className="text-sm text-slate-600">{t("work.moreCorrectionCases", { shown: corrections.cases.length, total: corrections.total })}</p>}
        </section>
      )}
      <section aria-labelledby="drafts" className="space-y-3">
        <h2 id="drafts" className="text-lg font-semibold">{t("work.drafts")}</h2>
        {drafts.length === 0 ? (
          <p className="text-slate-600">{t("work.noDrafts")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {drafts.map((d) => (
              <li key={d.id} className="flex items-center justify-between gap-4 px-4 py-3">
                <div>
                  <Link href={`/applications/${d.id}`} className="font-medium text-brand-700 underline">{d.title || t("work.untitled")}</Link>
                  <p className="text-xs text-slate-600">{t("work.savedAt")} {format.dateTime(d.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</p>
                </div>
                <DeleteDraftButton draftId={d.id} version={d.version} title={d.title || t("work.untitled")} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="my-requests" className="space-y-3">
        <h2 id="my-requests" className="text-lg font-semibold">{t("work.myRequests")}</h2>
        {requests.length === 0 ? <p className="text-slate-600">{t("work.noRequests")}</p> : <ChangeRequestTable requests={requests} caption={t("work.myRequests")} />}
        {requests.length > 0 && <Link href="/change-requests?mine=1" className="text-sm text-brand-700 underline">{t("nav.changeRequests")} →</Link>}
      </section>
    </div>
  );
}
