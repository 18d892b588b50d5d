import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CaseStatusBadge } from "@/components/cases/case-status-badge";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { CASE_KINDS, CASE_STATUSES, listCases } from "@/lib/server/cases/list-cases";
import { ForwardPager } from "@/components/ui/pagination";
import { FilterBar, FilterCheckbox, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("title") };
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("case:triage");
  const t = await getTranslations();
  const format = await getFormatter();
  const { cases, total, nextCursor, query } = await listCases(actor, await searchParams);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("cases.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("cases.intro")}</p>
      </div>
      <FilterBar resetHref="/cases" showReset={!!(query.q || query.kind || query.status || query.mine)} labels={{ search: t("common.search"), reset: t("common.reset") }}>
        <FilterSearch label={t("cases.searchReference")} value={query.q} placeholder="CASE-20261125-…" mono />
        <FilterSelect name="kind" label={t("cases.kind")} value={query.kind} allLabel={t("common.all")} options={CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kinds.${k}`) }))} />
        <FilterSelect name="status" label={t("common.status")} value={query.status} allLabel={t("common.all")} options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))} />
        <FilterCheckbox name="mine" label={t("cases.mine")} checked={!!query.mine} />
      </FilterBar>
      {cases.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("cases.empty")}</p>
      ) : (
        <Table caption={t("cases.title")}>
          <thead>
            <tr>
              <Th>{t("cases.reference")}</Th>
              <Th>{t("cases.kind")}</Th>
              <Th>{t("common.status")}</Th>
              <Th>{t("cases.assignee")}</Th>
              <Th>{t("cases.merchant")}</Th>
              <Th>{t("cases.summary")}</Th>
              <Th>{t("cases.openedAt")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {cases.map((c) => (
              <tr key={c.id} data-reference={c.reference}>
                <Td className="font-mono"><Link href={`/cases/${c.id}`} className="inline-flex min-h-6 items-center text-brand-700 underline underline-offset-2">{c.reference}</Link></Td>
                <Td>{t(`cases.kinds.${c.kind}`)}</Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    <CaseStatusBadge status={c.status} />
                    {c.priority === "HIGH" && <Badge tone="bad">{t("cases.priorities.HIGH")}</Badge>}
                  </span>
                </Td>
                <Td>{c.assigneeName ?? <span className="text-slate-600">{t("cases.unassigned")}</span>}</Td>
                <Td>
                  {c.merchantId && c.merchant ? (
                    <Link href={`/merchants/${c.merchantId}`} className="inline-flex min-h-6 items-center text-brand-700 underline underline-offset-2">{c.merchant.legalName}</Link>
                  ) : "—"}
                  {c.changeRequestReference && (
                    <Link href={`/change-requests/${c.changeRequestId}`} className="flex min-h-6 w-fit items-center font-mono text-xs text-brand-700 underline underline-offset-2">{c.changeRequestReference}</Link>
                  )}
                </Td>
                <Td className="max-w-md">{c.summary}</Td>
                <Td>
                  {format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  <span className="block text-xs text-slate-600">{c.createdBy ?? t("cases.system")}</span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ForwardPager basePath="/cases" params={{ status: query.status, kind: query.kind, mine: query.mine, q: query.q }} cursor={query.after} nextCursor={nextCursor} total={total} label={t("cases.pagination")} />
    </div>
  );
}
