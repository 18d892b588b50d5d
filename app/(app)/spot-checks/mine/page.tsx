import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { listMyItems } from "@/lib/server/spot-checks/list-my-items";
import { ForwardPager } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spotChecks"))("mine.title") };
}

export default async function MySpotChecksPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("spotcheck:perform");
  const t = await getTranslations();
  const format = await getFormatter();
  const { items, total, campaigns, nextCursor, query } = await listMyItems({ actor, query: await searchParams });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("spotChecks.mine.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("spotChecks.mine.intro")}</p>
      </div>
      {campaigns.length > 1 && (
        <form method="get" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3">
          <div>
            <label htmlFor="campaign" className="block text-sm font-medium">{t("spotChecks.fields.campaign")}</label>
            <Select id="campaign" name="campaign" defaultValue={query.campaign ?? ""}>
              <option value="">{t("common.all")}</option>
              {campaigns.map((c) => <option key={c.id} value={c.id}>{`${c.name} (${c.reference})`}</option>)}
            </Select>
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("common.search")}</button>
        </form>
      )}
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
      <ForwardPager basePath="/spot-checks/mine" params={{ campaign: query.campaign }} cursor={query.after} nextCursor={nextCursor} total={total} />
    </div>
  );
}
