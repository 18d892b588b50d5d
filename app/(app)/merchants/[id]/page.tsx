import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/change-requests/status-badge";
import { AccountList } from "@/components/merchants/account-list";
import { divisionLabel, EMPTY, masked, mccLabel } from "@/components/merchants/format";
import { MerchantStatusBadge } from "@/components/merchants/merchant-status-badge";
import { RequestTable } from "@/components/merchants/request-table";
import { Facts, Section } from "@/components/merchants/section";
import { TerminalTable } from "@/components/merchants/terminal-table";
import { StatusChangeButton } from "@/components/merchants/status-change-button";
import { VersionHistory } from "@/components/merchants/version-history";
import { statusChangeFor } from "@/lib/domain/merchant/status-change";
import { hasPermission } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { getMerchant } from "@/lib/server/merchants/get-merchant";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchants"))("detailTitle") };
}

export default async function MerchantDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("merchant:read");
  const merchant = await getMerchant(actor, (await params).id);
  if (!merchant) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const m = merchant;
  const micro = m.type === "MICRO";
  const open = m.openRequest;
  // Approved: the details below are the new version; only its receiving account still waits for the call.
  const awaitingCall = open?.status === "PENDING_CONFIRMATION";
  const references = new Map(m.changeRequests.map((r) => [r.id, r.reference]));
  // One open request per merchant: while one is open, the banner below links to it instead.
  const mayChange = hasPermission(actor.role, "change:submit") && !open && m.status !== "CLOSED";
  const statusChange = statusChangeFor(m.status);
  const info: [string, React.ReactNode][] = [
    [t("merchants.fields.merchantNo"), <span key="no" className="font-mono">{m.merchantNo}</span>],
    [t("merchants.fields.type"), m.type ? t(`merchants.types.${m.type}`) : EMPTY],
    [t(micro ? "merchants.fields.legalNameMicro" : "merchants.fields.legalName"), m.legalName],
    [t("merchants.fields.receiptName"), m.receiptName],
    [t("merchants.fields.creditCode"), m.creditCode ? <span key="cc" className="font-mono">{m.creditCode}</span> : micro ? t("merchants.noCreditCode") : EMPTY],
    [t(micro ? "merchants.fields.operatorName" : "merchants.fields.legalRepName"), m.legalRepName],
    [t(micro ? "merchants.fields.operatorId" : "merchants.fields.legalRepId"), <span key="id" className="font-mono">{masked(m.legalRepIdLast4)}</span>],
    [t("merchants.fields.phone"), <span key="p" className="font-mono">{m.phone}</span>],
    [t("merchants.fields.mcc"), mccLabel(m.mcc, locale)],
    [t("merchants.fields.address"), `${divisionLabel(m.divisionCode)} ${m.street ?? ""}`.trim()],
    [t("merchants.fields.divisionCode"), <span key="d" className="font-mono">{m.divisionCode}</span>],
    [t("merchants.fields.onboardedAt"), m.onboardedAt ? format.dateTime(m.onboardedAt, { dateStyle: "medium", timeStyle: "short" }) : EMPTY],
    [t("merchants.fields.version"), t("merchants.history.versionN", { version: m.version })],
  ];
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Link href="/merchants" className="text-sm text-brand-700 underline">← {t("merchants.back")}</Link>
        <h1 className="text-2xl font-semibold">{m.legalName}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <span>{t("merchants.fields.merchantNo")} <span className="font-mono font-medium text-slate-900">{m.merchantNo}</span></span>
          <MerchantStatusBadge status={m.status} />
          {m.type && <span>{t(`merchants.types.${m.type}`)}</span>}
        </p>
        {m.status === "SUSPENDED" && <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">{t("merchants.suspendedNote")}</p>}
        {mayChange && (
          <div className="flex flex-wrap items-center gap-3">
            <Link href={`/merchants/${m.id}/change`} className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
              {t("merchants.requestChange")}
            </Link>
            {statusChange && <StatusChangeButton merchantId={m.id} merchantVersion={m.version} kind={statusChange} />}
          </div>
        )}
        {open && (
          <div role="note" className="flex flex-wrap items-center gap-3 rounded-md border-l-4 border-amber-500 bg-amber-50 p-4 text-sm text-amber-950">
            <span className="font-semibold">{t(awaitingCall ? "merchants.awaitingConfirmation" : "merchants.openRequest")}</span>
            <StatusBadge status={open.status} />
            <span>
              {awaitingCall && open.holdUntil
                ? t("merchants.awaitingConfirmationBanner", { reference: open.reference, until: format.dateTime(open.holdUntil, { dateStyle: "medium", timeStyle: "short" }) })
                : t("merchants.openRequestBanner", { reference: open.reference })}
            </span>
            <Link href={`/change-requests/${open.id}`} className="font-medium text-brand-800 underline underline-offset-2">{t("merchants.viewRequest", { reference: open.reference })}</Link>
          </div>
        )}
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <Section id="info" title={t("merchants.sections.info")}>
          <div className="rounded-lg border border-slate-200 bg-white p-4"><Facts rows={info} /></div>
        </Section>
        <Section id="accounts" title={t("merchants.sections.accounts")}>
          <AccountList
            accounts={m.accounts}
            canUnmask={hasPermission(actor.role, "account:unmask")}
            pendingChange={awaitingCall ? { changeRequestId: open.id, holdUntil: open.holdUntil } : null}
            canConfirm={hasPermission(actor.role, "change:confirm")}
          />
        </Section>
      </div>
      <Section id="terminals" title={t("merchants.sections.terminals")}>
        <TerminalTable terminals={m.terminals} />
      </Section>
      <Section id="history" title={t("merchants.sections.history")}>
        <VersionHistory history={m.history} requestReferences={references} micro={micro} />
      </Section>
      <Section id="requests" title={t("merchants.sections.requests")}>
        <RequestTable requests={m.changeRequests} />
      </Section>
    </div>
  );
}
