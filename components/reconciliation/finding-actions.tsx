"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/forms/use-action-call";
import { addFindingToSpotCheckAction, openFindingCaseAction } from "@/app/(app)/reconciliation/actions";

type Campaign = { id: string; reference: string };

/** Per finding: open a case (once); add the merchant to the spot-check campaign chosen above the table. */
export function FindingActions({ finding, campaign }: {
  finding: { id: string; version: number; caseId: string | null; caseReference: string | null; spotCheckItemId: string | null; merchantId: string | null; terminalId: string };
  campaign: Campaign | null;
}) {
  const t = useTranslations("reconRuns.findings");
  const router = useRouter();
  const caseCall = useActionCall();
  const checkCall = useActionCall();
  return (
    <div className="flex flex-col items-start gap-1.5">
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
      ) : campaign && (
        <Button variant="secondary" className="!px-3 !py-1" disabled={checkCall.pending}
          aria-label={t("addToSpotCheckFor", { terminal: finding.terminalId, campaign: campaign.reference })}
          onClick={() => checkCall.call(() => addFindingToSpotCheckAction({ findingId: finding.id, version: finding.version, campaignId: campaign.id }), () => router.refresh())}>
          {t("addToSpotCheck")}
        </Button>
      )}
      {checkCall.error && <p role="alert" className="text-xs text-red-800">{checkCall.error}</p>}
    </div>
  );
}
