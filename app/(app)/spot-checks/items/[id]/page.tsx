import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AccountList } from "@/components/merchants/account-list";
import { divisionLabel, EMPTY, masked, mccLabel } from "@/components/merchants/format";
import { Facts, Section } from "@/components/merchants/section";
import { TerminalTable } from "@/components/merchants/terminal-table";
import { ItemCheckForm } from "@/components/spot-checks/item-check-form";
import { CHECKLIST_ITEMS } from "@/lib/domain/spot-checks/schemas";
import { Badge } from "@/components/ui/badge";
import { hasPermission } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { UseCaseError } from "@/lib/server/errors";
import { getMerchant } from "@/lib/server/merchants/get-merchant";
import { getSpotCheckItem } from "@/lib/server/spot-checks/get-spot-check-item";
import { recordItemOutcomeAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spotChecks"))("item.title") };
}

async function loadItem(actor: Awaited<ReturnType<typeof requirePageActor>>, id: string) {
  try {
    return await getSpotCheckItem(actor, id);
  } catch (err) {
    if (err instanceof UseCaseError && err.code === "FORBIDDEN") redirect("/forbidden");
    throw err;
  }
}

const OUTCOME_TONE = { CONFIRMED: "good", DISCREPANCY: "bad", UNREACHABLE: "warn" } as const;

export default async function SpotCheckItemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("spotcheck:perform");
  const item = await loadItem(actor, (await params).id);
  if (!item) notFound();
  const m = await getMerchant(actor, item.merchantId);
  if (!m) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const micro = m.type === "MICRO";
  const inForce = m.accounts.filter((a) => a.status === "IN_FORCE");
  const bound = m.terminals.filter((x) => !x.boundTo);
  const manager = hasPermission(actor.role, "spotcheck:manage");
  const record: [string, React.ReactNode][] = [
    [t("merchants.fields.merchantNo"), <span key="no" className="font-mono">{m.merchantNo}</span>],
    [t("merchants.fields.type"), m.type ? t(`merchants.types.${m.type}`) : EMPTY],
    [t(micro ? "merchants.fields.legalNameMicro" : "merchants.fields.legalName"), m.legalName],
    [t("merchants.fields.receiptName"), m.receiptName],
    [t(micro ? "merchants.fields.operatorName" : "merchants.fields.legalRepName"), m.legalRepName],
    [t(micro ? "merchants.fields.operatorId" : "merchants.fields.legalRepId"), <span key="id" className="font-mono">{masked(m.legalRepIdLast4)}</span>],
    [t("merchants.fields.phone"), <span key="p" className="font-mono">{m.phone}</span>],
    [t("merchants.fields.mcc"), mccLabel(m.mcc, locale)],
    [t("merchants.fields.address"), `${divisionLabel(m.divisionCode)} ${m.street ?? ""}`.trim()],
    [t("merchants.fields.version"), t("merchants.history.versionN", { version: m.version })],
  ];
  const authorisations = inForce.filter((a) => a.thirdPartyAuthRef);
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/spot-checks/mine" className="text-brand-700 underline">← {t("spotChecks.item.backToMine")}</Link>
          {manager && <Link href={`/spot-checks/${item.campaign.id}`} className="text-brand-700 underline">{t("spotChecks.item.toCampaign", { reference: item.campaign.reference })}</Link>}
        </p>
        <h1 className="text-2xl font-semibold">{t("spotChecks.item.heading", { name: m.legalName ?? m.merchantNo ?? "" })}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <span>{item.campaign.name} <span className="font-mono">{item.campaign.reference}</span></span>
          {item.outcome ? <Badge tone={OUTCOME_TONE[item.outcome]}>{t(`spotChecks.outcomes.${item.outcome}`)}</Badge> : <Badge tone="info">{t("spotChecks.itemStatuses.PENDING")}</Badge>}
          {item.stale && <Badge tone="warn">{t("spotChecks.item.staleBadge")}</Badge>}
          <span>{t("spotChecks.item.assignedTo", { name: item.assignee ?? t("spotChecks.report.unassigned") })}</span>
        </p>
        {item.stale && (
          <div role="note" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 text-sm text-amber-950" data-testid="stale-note">
            <p className="font-semibold">{t("spotChecks.item.staleTitle")}</p>
            <p>{t("spotChecks.item.staleExplain", { drawn: item.merchantVersion, current: item.currentVersion })}</p>
          </div>
        )}
        {item.campaign.status === "CLOSED" && item.status === "PENDING" && <p role="note" className="rounded-md border-l-4 border-slate-500 bg-slate-50 p-3 text-sm">{t("spotChecks.item.campaignClosed")}</p>}
        {!item.mayRecord && item.status === "PENDING" && item.campaign.status === "OPEN" && !item.stale && <p role="note" className="rounded-md border-l-4 border-slate-500 bg-slate-50 p-3 text-sm">{t("spotChecks.item.notYours", { name: item.assignee ?? "—" })}</p>}
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <div className="space-y-8">
          <Section id="record" title={t("spotChecks.item.record")}>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <Facts rows={record} />
            </div>
          </Section>
          <Section id="accounts" title={t("spotChecks.item.account")}>
            <AccountList accounts={inForce} canUnmask={hasPermission(actor.role, "account:unmask")} pendingChange={null} canConfirm={false} />
          </Section>
          <Section id="documents" title={t("spotChecks.item.documents")}>
            <ul className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
              {item.changeRequest && (
                <li>
                  {t("spotChecks.item.docRequest")}：
                  <Link href={`/change-requests/${item.changeRequest.id}`} className="font-mono text-brand-700 underline underline-offset-2">{item.changeRequest.reference}</Link>
                  <span className="ml-2 text-slate-600">{t("spotChecks.item.docRequestHint", { version: item.merchantVersion })}</span>
                </li>
              )}
              <li>{t("spotChecks.item.docLicence")}：{m.creditCode ? <span className="font-mono">{m.creditCode}</span> : t("merchants.noCreditCode")}</li>
              <li>{t("spotChecks.item.docIdentity")}：<span className="font-mono">{masked(m.legalRepIdLast4)}</span>（{m.legalRepName}）</li>
              {inForce.map((a) => (
                <li key={a.id}>{t("spotChecks.item.docAccount")}：{a.accountName} · {a.branchName} · <span className="font-mono">{masked(a.accountLast4)}</span></li>
              ))}
              {authorisations.map((a) => (
                <li key={`auth-${a.id}`}>
                  {t("spotChecks.item.docAuthorisation")}：<span className="font-mono">{a.thirdPartyAuthRef}</span>
                  {a.thirdPartyAuthDate && `（${format.dateTime(a.thirdPartyAuthDate, { dateStyle: "medium" })}）`}
                </li>
              ))}
            </ul>
          </Section>
          <Section id="terminals" title={t("spotChecks.item.terminals")}>
            <TerminalTable terminals={bound} />
          </Section>
        </div>
        <div className="space-y-4">
          {item.status === "DONE" ? (
            <Section id="result" title={t("spotChecks.item.result")}>
              <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <Facts
                  rows={[
                    [t("spotChecks.item.fields.outcome"), item.outcome ? t(`spotChecks.outcomes.${item.outcome}`) : EMPTY],
                    ...CHECKLIST_ITEMS.map((box) => [t(`spotChecks.item.checks.${box}`), item.checklist?.[box] ? t("common.yes") : t("common.no")] as [string, string]),
                    [t("spotChecks.item.fields.note"), item.note ?? EMPTY],
                    [t("spotChecks.item.checkedBy"), `${item.checkedBy ?? ""} ${item.checkedAt ? format.dateTime(item.checkedAt, { dateStyle: "medium", timeStyle: "short" }) : ""}`.trim()],
                  ]}
                />
              </div>
            </Section>
          ) : item.mayRecord && !item.stale ? (
            <ItemCheckForm itemId={item.id} version={item.version} action={recordItemOutcomeAction} />
          ) : null}
        </div>
      </div>
    </div>
  );
}
