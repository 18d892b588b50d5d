"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useActionCall } from "@/components/forms/use-action-call";
import { addFindingToSpotCheckAction, openFindingCaseAction } from "@/app/(app)/reconciliation/actions";

type Campaign = { id: string; reference: string; name: string };

/** Per finding: open a case (once), add the merchant to an open spot-check campaign. */
export function FindingActions({ finding, campaigns }: {
  finding: { id: string; version: number; caseId: string | null; caseReference: string | null; spotCheckItemId: string | null; merchantId: string | null; terminalId: string };
  campaigns: Campaign[];
}) {
  const t = useTranslations("reconRuns.findings");
  const router = useRouter();
  const caseCall = useActionCall();
  const checkCall = useActionCall();
  const [campaignId, setCampaignId] = useState(campaigns[0]?.id ?? "");
  const selectId = `campaign-${finding.id}`;
  return (
    <div className="flex flex-col gap-2">
      {finding.caseId ? (
        <Link href={`/cases/${finding.caseId}`} className="inline-flex min-h-6 items-center text-brand-700 underline underline-offset-2">{t("caseLink", { reference: finding.caseReference ?? "" })}</Link>
      ) : (
        <Button variant="secondary" className="!px-3 !py-1" disabled={caseCall.pending}
          aria-label={t("openCaseFor", { terminal: finding.terminalId })}
          onClick={() => caseCall.call(() => openFindingCaseAction({ findingId: finding.id, version: finding.version }), (v) => router.push(`/cases/${v.caseId}`))}>
          {t("openCase")}
        </Button>
      )}
      {caseCall.error && <p role="alert" className="text-xs text-red-800">{caseCall.error}</p>}
      {finding.spotCheckItemId ? (
        <span className="text-xs text-slate-600">{t("inSpotCheck")}</span>
      ) : !finding.merchantId ? (
        <span className="text-xs text-slate-600">{t("noMerchant")}</span>
      ) : campaigns.length === 0 ? (
        <span className="text-xs text-slate-600">{t("noOpenCampaign")} <Link className="text-brand-700 underline" href="/spot-checks/new">{t("newCampaign")}</Link></span>
      ) : (
        <span className="flex flex-wrap items-center gap-1">
          <label htmlFor={selectId} className="sr-only">{t("campaign")}</label>
          <Select id={selectId} value={campaignId} onChange={(e) => setCampaignId(e.target.value)} className="!py-1 text-xs">
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.reference} {c.name}</option>)}
          </Select>
          <Button variant="secondary" className="!px-3 !py-1" disabled={checkCall.pending}
            aria-label={t("addToSpotCheckFor", { terminal: finding.terminalId })}
            onClick={() => checkCall.call(() => addFindingToSpotCheckAction({ findingId: finding.id, version: finding.version, campaignId }), () => router.refresh())}>
            {t("addToSpotCheck")}
          </Button>
        </span>
      )}
      {checkCall.error && <p role="alert" className="text-xs text-red-800">{checkCall.error}</p>}
    </div>
  );
}
