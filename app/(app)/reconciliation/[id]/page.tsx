import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageLinks } from "@/components/reconciliation/page-links";
import { ResumeButton } from "@/components/reconciliation/resume-button";
import { RunProgress } from "@/components/reconciliation/run-progress";
import { RunStatusBadge } from "@/components/reconciliation/run-status-badge";
import { Table, Td, Th } from "@/components/ui/table";
import { fileSize } from "@/lib/domain/reconciliation/file-size";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { UseCaseError } from "@/lib/server/errors";
import { getReconciliationRun } from "@/lib/server/reconciliation/get-run";
import { listFindings } from "@/lib/server/reconciliation/list-findings";
import { listRejectedRows } from "@/lib/server/reconciliation/list-rejected-rows";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconRuns"))("runTitle") };
}

export default async function RunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("reconciliation:run");
  const t = await getTranslations();
  const format = await getFormatter();
  const { id } = await params;
  const rpage = Number((await searchParams).rpage ?? 1) || 1;
  const run = await getReconciliationRun(actor, { runId: id }).catch((err) => {
    if (err instanceof UseCaseError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const rejected = await listRejectedRows(actor, { runId: id, page: rpage });
  const summary = run.status === "DONE" ? await listFindings(actor, { runId: id }) : null;
  // A refused or failed file left nothing behind: no row counts, no rejected rows to show.
  const ended = run.status === "REFUSED" || run.status === "FAILED";
  const columnLabel = (c: string) => (t.has(`reconciliation.columns.${c}`) ? t(`reconciliation.columns.${c}`) : c);
  const refusal = run.refusalKey && t.has(run.refusalKey)
    ? t(run.refusalKey, { line: run.refusalDetail?.line ?? "", columns: (run.refusalDetail?.columns ?? []).map(columnLabel).join(", ") })
    : run.refusalKey;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm"><Link href="/reconciliation" className="text-brand-700 underline underline-offset-2">{t("reconRuns.back")}</Link></p>
          <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold">
            <span className="font-mono">{run.reference}</span>
            <RunStatusBadge status={run.status} interrupted={run.interrupted} />
          </h1>
          <p className="mt-1 break-all text-sm text-slate-600">{t("reconRuns.uploadedBy", { file: run.fileName, name: run.createdBy, at: format.dateTime(new Date(run.startedAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
        </div>
        {(run.interrupted || run.status === "DONE") && !run.stagedRowsPurgedAt && <ResumeButton runId={run.id} version={run.version} rerun={run.status === "DONE"} />}
      </div>

      {refusal && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{t(run.status === "REFUSED" ? "reconRuns.refused" : "reconRuns.failed")}</p>
          <p className="mt-1 text-sm">{refusal}</p>
        </div>
      )}
      {run.stagedRowsPurgedAt && <p className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700">{t("reconRuns.stagedRowsPurged", { date: format.dateTime(new Date(run.stagedRowsPurgedAt), { dateStyle: "medium" }) })}</p>}
      {run.interrupted && <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t("reconRuns.interruptedHelp")}</p>}

      {!ended && <RunProgress initial={run} />}

      <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1 rounded-md border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-600">{t("reconRuns.size")}</dt><dd className="tabular-nums">{fileSize(run.sizeBytes, (n, d) => format.number(n, { maximumFractionDigits: d }))}</dd>
        <dt className="text-slate-600">{t("reconRuns.encoding")}</dt><dd>{run.encoding ?? "—"}</dd>
        <dt className="text-slate-600">SHA-256</dt><dd className="break-all font-mono text-xs">{run.sha256 ?? "—"}</dd>
        {!ended && <><dt className="text-slate-600">{t("reconRuns.rowsInFile")}</dt><dd className="tabular-nums">{t("reconRuns.rowsBreakdown", { total: format.number(run.rowsStaged + run.rowsRejected), staged: format.number(run.rowsStaged), rejected: format.number(run.rowsRejected) })}</dd></>}
        {run.attempts > 1 && <><dt className="text-slate-600">{t("reconRuns.attempts")}</dt><dd>{run.attempts}</dd></>}
      </dl>

      {summary && (
        <section aria-labelledby="findings-title" className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
          <h2 id="findings-title" className="font-semibold">{t("reconRuns.findingsTitle", { count: run.findingsCount, rows: run.mismatchRows })}</h2>
          {summary.byKind.length === 0 ? <p className="text-sm text-green-800">{t("reconRuns.noFindings")}</p> : (
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {summary.byKind.map((k) => (
                <li key={k.kind}>
                  <Link href={`/reconciliation/${run.id}/findings?kind=${k.kind}`} className="block rounded-md border border-slate-200 p-3 hover:bg-slate-50">
                    <span className="block text-sm font-medium text-brand-700 underline underline-offset-2">{t(`reconRuns.kinds.${k.kind}`)}</span>
                    <span className="text-sm text-slate-700">{t("reconRuns.kindCount", { findings: k.findings, rows: k.rows })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <Link href={`/reconciliation/${run.id}/findings`} className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("reconRuns.allFindings")}</Link>
        </section>
      )}

      {!ended && <section aria-labelledby="rejected-title" className="space-y-3">
        <h2 id="rejected-title" className="text-lg font-semibold">{t("reconRuns.rejectedTitle", { count: rejected.total })}</h2>
        {rejected.total === 0 ? <p className="text-sm text-slate-600">{t("reconRuns.noRejected")}</p> : (
          <>
            <p className="max-w-3xl text-sm text-slate-600">{t("reconRuns.rejectedHelp")}</p>
            <Table caption={t("reconRuns.rejectedTitle", { count: rejected.total })}>
              <thead><tr><Th className="w-24">{t("reconRuns.line")}</Th><Th>{t("reconRuns.problems")}</Th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {rejected.rows.map((r) => (
                  <tr key={r.lineNumber} data-line={r.lineNumber}>
                    <Td className="font-mono tabular-nums">{r.lineNumber}</Td>
                    <Td>
                      <ul className="space-y-0.5">
                        {r.problems.map((p, i) => <li key={i}><span className="font-medium">{columnLabel(p.field)}</span>：{t.has(p.key) ? t(p.key) : p.key}{p.code ? <span className="ml-1 font-mono text-xs text-slate-600">({p.code})</span> : null}</li>)}
                      </ul>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <PageLinks basePath={`/reconciliation/${run.id}`} params={{}} page={rejected.page} pages={rejected.pages} total={rejected.total} pageParam="rpage" label={t("reconRuns.rejectedPages")} />
          </>
        )}
      </section>}
    </div>
  );
}
