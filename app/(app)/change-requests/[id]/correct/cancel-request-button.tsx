"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { cancelChangeRequestAction } from "../../actions";

/** The maker withdraws the request, after confirming; a request that moved on meanwhile answers CONFLICT. */
export function CancelRequestButton({ changeRequestId, version, reference }: { changeRequestId: string; version: number; reference: string }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [pending, start] = useTransition();
  const cancel = () =>
    start(async () => {
      const result = await cancelChangeRequestAction({ changeRequestId, version });
      setOpen(false);
      if (!result.ok) return setFailure(t(`errors.${result.code}`, result.params));
      toast("good", t("correction.cancelled", { reference }));
      router.push("/my-work");
    });
  return (
    <div className="space-y-2">
      {failure && (
        <div role="alert" className="space-y-2 rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900">
          <p>{failure}</p>
          <Button variant="secondary" onClick={() => { setFailure(undefined); router.refresh(); }}>{t("review.refresh")}</Button>
        </div>
      )}
      <Button variant="danger" onClick={() => setOpen(true)}>{t("correction.cancel")}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("correction.cancel")}>
        <p className="text-sm">{t("correction.confirmCancel", { reference })}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
          <Button variant="danger" disabled={pending} onClick={cancel}>{pending ? t("common.loading") : t("correction.confirmCancelButton")}</Button>
        </div>
      </Dialog>
    </div>
  );
}
