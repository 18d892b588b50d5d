import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ImportUpload } from "@/components/imports/import-upload";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { listImports } from "@/lib/server/imports/list-imports";
import { ForwardPager } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function ImportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("change:submit");
  const t = await getTranslations("imports");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const { imports, total, nextCursor, query } = await listImports(actor, await searchParams);
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50";
  const tab = (active: boolean) => `rounded px-3 py-1.5 text-sm ${active ? "bg-brand-700 text-white" : "border border-slate-300 bg-white hover:bg-slate-50"}`;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-4xl text-sm text-slate-600">{t("intro")}</p>
        <p className="max-w-4xl text-sm text-slate-600">{t("allOrNothing")}</p>
      </div>

      <section aria-labelledby="template-heading" className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
        <h2 id="template-heading" className="font-semibold">{t("template.heading")}</h2>
        <p className="max-w-4xl text-sm text-slate-600">{t("template.hint")}</p>
        <p className="flex flex-wrap gap-3 text-sm">
          <a className={linkClass} href="/imports/template?format=xlsx" download>{t("template.xlsx")}</a>
          <a className={linkClass} href="/imports/template?format=csv" download>{t("template.csv")}</a>
        </p>
      </section>

      <section aria-labelledby="upload-heading" className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
        <h2 id="upload-heading" className="font-semibold">{t("upload.heading")}</h2>
        <ImportUpload />
      </section>

      <section aria-labelledby="list-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="list-heading" className="text-lg font-semibold">{t("list.heading")}</h2>
          <nav className="flex gap-2" aria-label={t("list.heading")}>
            <Link className={tab(!query.mine)} aria-current={!query.mine ? "page" : undefined} href="/imports">{t("list.all")}</Link>
            <Link className={tab(!!query.mine)} aria-current={query.mine ? "page" : undefined} href="/imports?mine=1">{t("list.mine")}</Link>
          </nav>
        </div>
        {imports.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-700">{t("list.none")}</p>
        ) : (
          <Table caption={t("list.heading")}>
            <thead>
              <tr>
                <Th>{t("list.reference")}</Th>
                <Th>{t("list.file")}</Th>
                <Th>{t("list.maker")}</Th>
                <Th>{t("list.at")}</Th>
                <Th>{t("list.rows")}</Th>
                <Th>{t("list.accepted")}</Th>
                <Th>{t("list.rejected")}</Th>
                <Th>{t("list.report")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {imports.map((i) => (
                <tr key={i.id} data-import={i.reference}>
                  <Td className="font-mono whitespace-nowrap">{i.reference}</Td>
                  <Td className="break-all">{i.fileName}</Td>
                  <Td>{i.maker}</Td>
                  <Td className="whitespace-nowrap">{format.dateTime(i.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                  <Td className="tabular-nums">{i.rowsRead}</Td>
                  <Td className="tabular-nums">{i.accepted}</Td>
                  <Td className="tabular-nums">{i.rejected}</Td>
                  <Td>
                    {i.rejected > 0 ? (
                      <a className="text-brand-700 underline" href={`/imports/${i.id}/errors`} download aria-label={`${t("list.report")} ${i.reference}`}>{t("list.download")}</a>
                    ) : (
                      "—"
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <ForwardPager basePath="/imports" params={{ mine: query.mine ? "1" : undefined }} cursor={query.after} nextCursor={nextCursor} total={total} label={t("list.pagination")} />
      </section>
    </div>
  );
}
