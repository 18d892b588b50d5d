import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { listMyItems } from "@/lib/server/spot-checks/list-my-items";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spotChecks"))("mine.title") };
}

export default async function MySpotChecksPage() {
  const actor = await requirePageActor("spotcheck:perform");
  const t = await getTranslations();
  const format = await getFormatter();
  const items = await listMyItems({ actor });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("spotChecks.mine.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("spotChecks.mine.intro")}</p>
      </div>
      {items.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("spotChecks.mine.empty")}</p>
      ) : (
        <Table caption={t("spotChecks.mine.title")}>
          <thead>
            <tr>
              <Th>{t("spotChecks.fields.merchant")}</Th>
              <Th>{t("spotChecks.fields.mcc")}</Th>
              <Th>{t("spotChecks.fields.campaign")}</Th>
              <Th>{t("spotChecks.fields.periodEnd")}</Th>
              <Th>{t("common.status")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((i) => (
              <tr key={i.id} data-merchant-no={i.merchantNo ?? ""}>
                <Td>
                  <Link href={`/spot-checks/items/${i.id}`} className="inline-flex min-h-6 items-center text-brand-700 underline underline-offset-2">{i.legalName ?? i.merchantId}</Link>
                  <span className="block font-mono text-xs text-slate-600">{i.merchantNo}</span>
                </Td>
                <Td className="font-mono">{i.mcc ?? "—"}</Td>
                <Td>{i.campaign.name}<span className="block font-mono text-xs text-slate-600">{i.campaign.reference}</span></Td>
                <Td>{format.dateTime(i.campaign.periodEnd, { dateStyle: "medium", timeZone: "Asia/Shanghai" })}</Td>
                <Td>{i.stale ? <Badge tone="warn">{t("spotChecks.item.staleBadge")}</Badge> : <Badge tone="info">{t("spotChecks.itemStatuses.PENDING")}</Badge>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
