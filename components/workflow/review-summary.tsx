import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Age } from "./age";

type Summary = {
  kind: string;
  status: ReactNode;
  legalName?: string;
  merchantType?: string;
  maker: string | null;
  verifier: string | null;
  approver: string | null;
  submittedAt: Date;
  decisionNote: string | null;
  mismatchedFields: string[];
  /** At a glance, linking down to the flags the supervisor must acknowledge. */
  risk: ReactNode;
};

/** Who did what so far, and what the last verifier or decider said. */
export async function ReviewSummary({ view }: { view: Summary }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const nobody = <span className="text-slate-500">{t("review.nobody")}</span>;
  const rows: [string, ReactNode][] = [
    ...(view.legalName ? [[t("changeRequests.merchant"), view.legalName] as [string, ReactNode]] : []),
    ...(view.merchantType ? [[t("review.merchantType"), t(`changeRequests.merchantTypes.${view.merchantType}`)] as [string, ReactNode]] : []),
    [t("review.kind"), t(`changeRequests.kinds.${view.kind}`)],
    [t("review.status"), view.status],
    [t("review.risk"), view.risk],
    [t("review.maker"), view.maker || nobody],
    [t("review.verifier"), view.verifier || nobody],
    ...(view.approver ? [[t("review.approver"), view.approver] as [string, ReactNode]] : []),
    [t("review.submittedAt"), <span key="s">{format.dateTime(view.submittedAt, { dateStyle: "medium", timeStyle: "short" })} · <Age since={view.submittedAt} now={new Date()} /></span>],
  ];
  const mismatched = view.mismatchedFields.map((f) => (t.has(`verify.fields.${f}`) ? t(`verify.fields.${f}`) : f));
  return (
    <section aria-labelledby="summary-title" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="summary-title" className="sr-only">{t("review.header")}</h2>
      <dl className="grid grid-cols-1 gap-x-8 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {view.decisionNote && (
        <p className="mt-3 rounded bg-slate-50 p-2 text-sm"><span className="font-medium">{t("review.decisionNote")}：</span>{view.decisionNote}</p>
      )}
      {mismatched.length > 0 && <p className="mt-3 text-sm text-amber-900">{t("review.lastMismatch", { fields: format.list(mismatched) })}</p>}
    </section>
  );
}
