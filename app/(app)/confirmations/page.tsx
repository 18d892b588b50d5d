import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { masked } from "@/components/merchants/format";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { listConfirmationQueue } from "@/lib/server/confirmations/confirmation-queue";
import { ForwardPager } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confirmations"))("title") };
}

export default async function ConfirmationQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("change:confirm");
  const t = await getTranslations();
  const format = await getFormatter();
  const { requests, total, nextCursor, query } = await listConfirmationQueue(actor, await searchParams);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("confirmations.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("confirmations.intro")}</p>
      </div>
      {requests.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("confirmations.empty")}</p>
      ) : (
        <Table caption={t("confirmations.title")}>
          <thead>
            <tr>
              <Th>{t("confirmations.reference")}</Th>
              <Th>{t("confirmations.merchant")}</Th>
              <Th>{t("confirmations.accountChange")}</Th>
              <Th>{t("confirmations.approvedAt")}</Th>
              <Th>{t("confirmations.holdUntil")}</Th>
              <Th><span className="sr-only">{t("common.actions")}</span></Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {requests.map((r) => (
              <tr key={r.id} data-reference={r.reference}>
                <Td className="font-mono">{r.reference}</Td>
                <Td>
                  <Link href={`/merchants/${r.merchantId}`} className="text-brand-700 underline underline-offset-2">{r.legalName}</Link>
                  {r.merchantNo && <span className="block font-mono text-xs text-slate-600">{r.merchantNo}</span>}
                </Td>
                <Td className="font-mono whitespace-nowrap">
                  {masked(r.oldAccountLast4)} <span aria-hidden="true">→</span><span className="sr-only">{t("confirmations.to")}</span> {masked(r.accountLast4)}
                </Td>
                <Td>{r.decidedAt ? when(r.decidedAt) : "—"}</Td>
                <Td><time dateTime={r.holdUntil.toISOString()}>{when(r.holdUntil)}</time></Td>
                <Td className="text-right">
                  {r.isOwn ? (
                    <span className="text-sm text-slate-600">{t("confirmations.ownRequest")}</span>
                  ) : (
                    <Link href={`/confirmations/${r.id}`} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-brand-800">
                      {t("confirmations.open")}<span className="sr-only"> {r.reference}</span>
                    </Link>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ForwardPager basePath="/confirmations" params={{}} cursor={query.after} nextCursor={nextCursor} total={total} label={t("confirmations.pagination")} />
    </div>
  );
}
