"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { deleteDraftAction } from "../applications/actions";

export function DeleteDraftButton({ draftId, version, title }: { draftId: string; version: number; title: string }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>{t("work.delete")}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("work.delete")}>
        <p className="text-sm">{t("work.confirmDelete", { title })}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
          <Button variant="danger" disabled={pending} onClick={() => start(async () => {
            const result = await deleteDraftAction({ draftId, version });
            setOpen(false);
            toast(result.ok ? "good" : "bad", result.ok ? t("work.deleted") : t(`errors.${result.code}`));
            router.refresh();
          })}>{t("common.confirm")}</Button>
        </div>
      </Dialog>
    </>
  );
}
