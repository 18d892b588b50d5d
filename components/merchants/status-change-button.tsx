"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { requestStatusChangeAction } from "@/app/(app)/merchants/actions";
import { useActionCall } from "@/components/forms/use-action-call";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { REASON_MAX, type TStatusChangeKind } from "@/lib/domain/merchant/status-change";
import { ReasonDialog } from "@/components/workflow/reason-dialog";

/**
 * "暂停商户" / "恢复商户": asks for a reason and opens a request for a supervisor to decide; the
 * merchant's status changes only with that approval. Only clerks see it, so it never shares the
 * page (and the dialog heading id) with the unmask dialog of supervisors and auditors.
 */
export function StatusChangeButton({ merchantId, merchantVersion, kind }: { merchantId: string; merchantVersion: number; kind: TStatusChangeKind }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const { call, error: serverError, clearError, pending } = useActionCall();
  const text = (key: string) => t(`merchants.statusChange.${kind}.${key}`);

  const submit = (reason: string) =>
    call(
      () => requestStatusChangeAction({ merchantId, merchantVersion, kind, reason }),
      (value) => {
        toast("good", t("merchants.statusChange.submitted", { reference: value.reference }));
        router.push(`/change-requests/${value.changeRequestId}`);
      },
    );

  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>{text("button")}</Button>
      <ReasonDialog
        mode={open ? { title: text("title"), label: t("merchants.statusChange.reason"), hint: text("hint"), confirm: text("confirm"), minMessageKey: "validation.statusChange.reason", danger: kind === "SUSPEND", maxLength: REASON_MAX } : null}
        pending={pending}
        serverError={serverError}
        onClose={() => { setOpen(false); clearError(); }}
        onSubmit={submit}
      />
    </>
  );
}
