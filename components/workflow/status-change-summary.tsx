import { getTranslations } from "next-intl/server";
import { MerchantStatusBadge } from "@/components/merchants/merchant-status-badge";

/** A suspension or reactivation under review: the status it moves, and the maker's reason. */
export async function StatusChangeSummary({ change, reason }: { change: { from: string; to: string }; reason: string | null }) {
  const t = await getTranslations("review.statusChange");
  return (
    <section aria-labelledby="status-change-title" className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="status-change-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="flex flex-wrap items-center gap-2" data-testid="status-change">
        {t("from")} <MerchantStatusBadge status={change.from} /> <span aria-hidden="true">→</span> <span className="sr-only">{t("to")}</span> <MerchantStatusBadge status={change.to} />
      </p>
      <div>
        <p className="font-medium">{t("reason")}</p>
        <p className="mt-1 whitespace-pre-wrap rounded bg-white p-2 text-slate-900">{reason}</p>
      </div>
      <p>{t("noReKey")}</p>
    </section>
  );
}
