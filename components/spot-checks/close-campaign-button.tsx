"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { closeCampaignAction } from "@/app/(app)/spot-checks/actions";
import { useActionCall } from "@/components/forms/use-action-call";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";

/** Closing is final: pending items stay undone and nothing more can be recorded, so it asks first. */
export function CloseCampaignButton({ campaignId, version, pending: undone }: { campaignId: string; version: number; pending: number }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const { call, error, clearError, pending } = useActionCall();
  const close = () =>
    call(
      () => closeCampaignAction({ campaignId, version }),
      () => {
        setOpen(false);
        toast("good", t("spotChecks.report.closed"));
        router.refresh();
      },
    );
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>{t("spotChecks.report.close")}</Button>
      <Dialog open={open} onClose={() => { setOpen(false); clearError(); }} title={t("spotChecks.report.closeTitle")}>
        <p className="text-sm text-slate-700">{undone > 0 ? t("spotChecks.report.closeWarningPending", { count: undone }) : t("spotChecks.report.closeWarning")}</p>
        {error && <p role="alert" className="text-sm font-medium text-red-700">{error}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
          <Button variant="danger" disabled={pending} onClick={close}>{t("spotChecks.report.closeConfirm")}</Button>
        </div>
      </Dialog>
    </>
  );
}
