"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/server/errors";

export type TBulkResult = { approved: number; outcomes: { changeRequestId: string; ok: boolean; code?: string }[] };

/** Each item of a bulk approval stands alone: say how many went through and why each other did not. */
export function BulkOutcome({ result, references }: { result: ActionResult<TBulkResult>; references: Record<string, string> }) {
  const t = useTranslations();
  if (!result.ok) {
    return <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900">{t(`errors.${result.code}`)}</p>;
  }
  const failed = result.value.outcomes.filter((o) => !o.ok);
  return (
    <div role="status" className={`rounded-md border-2 p-3 text-sm ${failed.length ? "border-amber-600 bg-amber-50 text-amber-950" : "border-green-700 bg-green-50 text-green-900"}`}>
      <p className="font-semibold">{t("approvals.bulkDone", { approved: result.value.approved, total: result.value.outcomes.length })}</p>
      {failed.length > 0 && (
        <>
          <p className="mt-1">{t("approvals.bulkFailed", { count: failed.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {failed.map((o) => (
              <li key={o.changeRequestId}>
                {t("approvals.outcome", { reference: references[o.changeRequestId] ?? o.changeRequestId, message: t.has(`errors.${o.code}`) ? t(`errors.${o.code}`) : (o.code ?? "") })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
