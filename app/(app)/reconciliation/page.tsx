import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageLinks } from "@/components/reconciliation/page-links";
import { RunStatusBadge } from "@/components/reconciliation/run-status-badge";
import { UploadForm } from "@/components/reconciliation/upload-form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
import { fileSize } from "@/lib/domain/reconciliation/file-size";
import { RUN_STATUSES } from "@/lib/domain/reconciliation/schemas";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { listReconciliationRuns } from "@/lib/server/reconciliation/list-runs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconRuns"))("title") };
}

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("reconciliation:run");
  const t = await getTranslations();
  const format = await getFormatter();
  const { runs, total, pages, query } = await listReconciliationRuns(actor, await searchParams);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("reconRuns.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("reconRuns.intro")}</p>
      </div>
      <UploadForm />
      <h2 className="text-lg font-semibold">{t("reconRuns.runs")}</h2>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3">
        <div>
          <label htmlFor="fileName" className="block text-sm font-medium">{t("reconRuns.fileName")}</label>
          <Input id="fileName" name="fileName" defaultValue={query.fileName ?? ""} />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">{t("common.status")}</label>
          <Select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {RUN_STATUSES.map((s) => <option key={s} value={s}>{t(`reconRuns.statuses.${s}`)}</option>)}
          </Select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("common.search")}</button>
      </form>
      {runs.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{query.status || query.fileName ? t("common.noResults") : t("reconRuns.empty")}</p>
      ) : (
        <Table caption={t("reconRuns.runs")}>
          <thead>
            <tr>
              <Th>{t("reconRuns.reference")}</Th>
              <Th>{t("reconRuns.fileName")}</Th>
              <Th>{t("common.status")}</Th>
              <Th className="text-right">{t("reconRuns.rows")}</Th>
              <Th className="text-right">{t("reconRuns.rejected")}</Th>
              <Th className="text-right">{t("reconRuns.findingsCount")}</Th>
              <Th>{t("reconRuns.startedAt")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {runs.map((r) => (
              <tr key={r.id} data-reference={r.reference}>
                <Td className="font-mono"><Link href={`/reconciliation/${r.id}`} className="inline-flex min-h-6 items-center text-brand-700 underline underline-offset-2">{r.reference}</Link></Td>
                <Td className="max-w-xs break-all">{r.fileName}<span className="block text-xs text-slate-600">{fileSize(r.sizeBytes, (n, d) => format.number(n, { maximumFractionDigits: d }))}</span></Td>
                <Td><RunStatusBadge status={r.status} /></Td>
                <Td className="text-right tabular-nums">{format.number(r.rowsStaged + r.rowsRejected)}</Td>
                <Td className="text-right tabular-nums">{format.number(r.rowsRejected)}</Td>
                <Td className="text-right tabular-nums">{r.status === "DONE" ? format.number(r.findingsCount) : "—"}</Td>
                <Td>{format.dateTime(r.startedAt, { dateStyle: "medium", timeStyle: "short" })}<span className="block text-xs text-slate-600">{r.createdBy}</span></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PageLinks basePath="/reconciliation" params={{ status: query.status, fileName: query.fileName }} page={query.page} pages={pages} total={total} label={t("reconRuns.runsPages")} />
    </div>
  );
}
