import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { FindingActions } from "@/components/reconciliation/finding-actions";
import { PageLinks } from "@/components/reconciliation/page-links";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
import { FINDING_KINDS } from "@/lib/domain/reconciliation/schemas";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { openCampaignsForFindings } from "@/lib/server/reconciliation/add-finding-spot-check";
import { listFindings } from "@/lib/server/reconciliation/list-findings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconRuns"))("findings.title") };
}

export default async function FindingsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("reconciliation:run");
  const t = await getTranslations();
  const format = await getFormatter();
  const { id } = await params;
  const search = await searchParams;
  const { run, findings, total, page, pages, query } = await listFindings(actor, { runId: id, kind: search.kind, terminalId: search.terminalId, merchantNo: search.merchantNo, page: search.page });
  if (!run) notFound();
  const campaigns = await openCampaignsForFindings(actor);
  const campaign = campaigns.find((c) => c.id === search.campaign) ?? campaigns[0] ?? null;
  const filters = { kind: query.kind, terminalId: query.terminalId, merchantNo: query.merchantNo };
  const pageParams = { ...filters, campaign: campaign && campaign.id !== campaigns[0]?.id ? campaign.id : undefined };
  const qs = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1])).toString();
  const yuan = (fen: number) => format.number(fen / 100, { style: "currency", currency: "CNY" });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm"><Link href={`/reconciliation/${id}`} className="text-brand-700 underline underline-offset-2">{t("reconRuns.findings.back", { reference: run.reference })}</Link></p>
        <h1 className="mt-1 text-2xl font-semibold">{t("reconRuns.findings.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("reconRuns.findings.intro")}</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3">
        <div>
          <label htmlFor="kind" className="block text-sm font-medium">{t("reconRuns.findings.kind")}</label>
          <Select id="kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">{t("common.all")}</option>
            {FINDING_KINDS.map((k) => <option key={k} value={k}>{t(`reconRuns.kinds.${k}`)}</option>)}
          </Select>
        </div>
        <div>
          <label htmlFor="terminalId" className="block text-sm font-medium">{t("reconRuns.findings.terminal")}</label>
          <Input id="terminalId" name="terminalId" defaultValue={query.terminalId ?? ""} className="font-mono" maxLength={16} />
        </div>
        <div>
          <label htmlFor="merchantNo" className="block text-sm font-medium">{t("reconRuns.findings.merchantNo")}</label>
          <Input id="merchantNo" name="merchantNo" defaultValue={query.merchantNo ?? ""} className="font-mono" maxLength={16} />
        </div>
        {campaign && (
          <div>
            <label htmlFor="campaign" className="block text-sm font-medium">{t("reconRuns.findings.campaign")}</label>
            <Select id="campaign" name="campaign" defaultValue={campaign.id}>
              {campaigns.map((c) => <option key={c.id} value={c.id}>{c.reference} {c.name}</option>)}
            </Select>
          </div>
        )}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("common.search")}</button>
        <span className="ml-auto flex gap-2">
          <a href={`/reconciliation/${id}/export/csv${qs ? `?${qs}` : ""}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">{t("reconRuns.findings.exportCsv")}</a>
          <a href={`/reconciliation/${id}/export/xlsx${qs ? `?${qs}` : ""}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">{t("reconRuns.findings.exportXlsx")}</a>
        </span>
      </form>
      {campaigns.length === 0 && findings.length > 0 && <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t("reconRuns.findings.noOpenCampaignNote")}</p>}
      {findings.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{qs ? t("common.noResults") : t("reconRuns.noFindings")}</p>
      ) : (
        <Table caption={t("reconRuns.findings.title")}>
          <thead>
            <tr>
              <Th>{t("reconRuns.findings.terminal")}</Th>
              <Th>{t("reconRuns.findings.merchantNo")}</Th>
              <Th>{t("reconRuns.findings.kind")}</Th>
              <Th className="text-right">{t("reconRuns.findings.rows")}</Th>
              <Th className="text-right">{t("reconRuns.findings.amount")}</Th>
              <Th>{t("reconRuns.findings.seen")}</Th>
              <Th>{t("reconRuns.findings.boundMerchant")}</Th>
              <Th>{t("common.actions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {findings.map((f) => (
              <tr key={f.id} data-kind={f.kind} data-terminal={f.terminalId}>
                <Td className="font-mono">{f.terminalId}</Td>
                <Td className="font-mono">{f.merchantNo}</Td>
                <Td>{t(`reconRuns.kinds.${f.kind}`)}</Td>
                <Td className="text-right tabular-nums">{format.number(f.rowCount)}</Td>
                <Td className="text-right tabular-nums">{yuan(f.amountFen)}</Td>
                <Td className="whitespace-nowrap text-xs">{when(f.firstSeenAt)}<span className="block">{when(f.lastSeenAt)}</span><span className="block text-slate-600">{t("reconRuns.findings.firstLine", { line: f.firstLine })}</span></Td>
                <Td>{f.merchant ? <Link href={`/merchants/${f.merchant.id}`} className="inline-flex min-h-6 items-center text-brand-700 underline underline-offset-2">{f.merchant.legalName}</Link> : "—"}</Td>
                <Td><FindingActions finding={{ id: f.id, version: f.version, caseId: f.caseId, caseReference: f.caseReference, spotCheckItemId: f.spotCheckItemId, merchantId: f.merchantId, terminalId: f.terminalId }} campaign={campaign} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PageLinks basePath={`/reconciliation/${id}/findings`} params={pageParams} page={page} pages={pages} total={total} label={t("reconRuns.findings.pages")} />
    </div>
  );
}
