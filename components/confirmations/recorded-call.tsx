import { getFormatter, getTranslations } from "next-intl/server";
import { Facts } from "@/components/merchants/section";

type Call = { outcome: string; contactName: string; phoneUsed: string; contactedAt: Date; note: string; recordedAt: Date; recordedBy: string };

/** The confirmation call as recorded: kept with the request for auditors. */
export async function RecordedCall({ call }: { call: Call }) {
  const t = await getTranslations("confirmations");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="recorded-call" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="recorded-call" className="mb-2 text-base font-semibold">{t("recordedTitle")}</h2>
      <Facts
        rows={[
          [t("fields.outcome"), t(`outcomes.${call.outcome}`)],
          [t("fields.contactName"), call.contactName],
          [t("fields.phoneUsed"), <span key="p" className="font-mono">{call.phoneUsed}</span>],
          [t("fields.contactedAt"), when(call.contactedAt)],
          [t("fields.note"), call.note || "—"],
          [t("recordedBy"), t("recordedByLine", { name: call.recordedBy, at: when(call.recordedAt) })],
        ]}
      />
    </section>
  );
}
