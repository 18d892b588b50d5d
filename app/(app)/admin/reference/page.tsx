import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { getCardBinSummary } from "@/lib/server/reference/get-card-bin-summary";
import { listMcc } from "@/lib/server/reference/list-mcc";
import { CardBinImport } from "./card-bin-import";
import { EditMccButton } from "./edit-mcc-button";
import { MccFilters } from "./mcc-filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reference"))("title") };
}

const RISK_TONE = { 0: "good", 1: "warn", 2: "bad" } as const;

export default async function ReferenceDataPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("reference:manage");
  const t = await getTranslations();
  const format = await getFormatter();
  const [{ mccs, total, nextCursor, prevCursor, query }, bins] = await Promise.all([listMcc(actor, await searchParams), getCardBinSummary(actor)]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("reference.title")}</h1>

      <section aria-labelledby="mcc-heading" className="space-y-4">
        <div>
          <h2 id="mcc-heading" className="text-xl font-semibold">{t("reference.mcc.title")}</h2>
          <p className="text-sm text-slate-600">{t("reference.mcc.intro")}</p>
        </div>
        <MccFilters q={query.q} risk={query.risk} status={query.status} />
        {mccs.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("common.noResults")}</p>
        ) : (
          <Table caption={t("reference.mcc.title")}>
            <thead>
              <tr>
                <Th>{t("reference.mcc.code")}</Th>
                <Th>{t("reference.mcc.nameZh")}</Th>
                <Th>{t("reference.mcc.nameEn")}</Th>
                <Th>{t("reference.mcc.riskLevel")}</Th>
                <Th>{t("common.status")}</Th>
                <Th><span className="sr-only">{t("common.actions")}</span></Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {mccs.map((m) => (
                <tr key={m.code}>
                  <Td className="font-mono">{m.code}</Td>
                  <Td>{m.nameZh}</Td>
                  <Td>{m.nameEn}</Td>
                  <Td><Badge tone={RISK_TONE[m.riskLevel as 0 | 1 | 2] ?? "neutral"}>{t(`reference.mcc.risk.${m.riskLevel}`)}</Badge></Td>
                  <Td>{m.active ? <Badge tone="good">{t("reference.mcc.active")}</Badge> : <Badge>{t("reference.mcc.inactive")}</Badge>}</Td>
                  <Td className="text-right">
                    <EditMccButton mcc={{ code: m.code, nameZh: m.nameZh, nameEn: m.nameEn, riskLevel: m.riskLevel, active: m.active, version: m.version }} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination basePath="/admin/reference" params={{ q: query.q, risk: query.risk, status: query.status }} prevCursor={prevCursor} nextCursor={nextCursor} total={total} />
      </section>

      <section aria-labelledby="bins-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <h2 id="bins-heading" className="text-xl font-semibold">{t("reference.bins.title")}</h2>
          <p className="text-sm text-slate-600">{t("reference.bins.intro")}</p>
        </div>
        <p className="text-sm">
          {bins.total === 0
            ? t("reference.bins.emptyTable")
            : t("reference.bins.current", { ...bins, importedAt: bins.importedAt ? format.dateTime(bins.importedAt, { dateStyle: "medium", timeStyle: "short" }) : "—" })}
        </p>
        <CardBinImport />
      </section>
    </div>
  );
}
