"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionCall } from "@/components/forms/use-action-call";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { revokeApiTokenAction } from "./actions";

/** Revoking asks first: an integration using the token stops at its next call. */
export function RevokeTokenButton({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("apiTokens");
  const tc = useTranslations("common");
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const { call, error, pending } = useActionCall();
  const revoke = () =>
    call(() => revokeApiTokenAction({ id, version }), () => {
      setOpen(false);
      toast("good", t("revoked", { name }));
      router.refresh();
    });
  return (
    <div className="space-y-1">
      <Button variant="danger" onClick={() => setOpen(true)} aria-label={t("revokeNamed", { name })}>{t("revoke")}</Button>
      {error && !open && <p role="alert" className="text-sm font-medium text-red-700">{error}</p>}
      <Dialog open={open} onClose={() => setOpen(false)} title={t("revokeTitle", { name })}>
        <p className="text-sm">{t("revokeConfirm")}</p>
        {error && <p role="alert" className="text-sm font-medium text-red-700">{error}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>{tc("cancel")}</Button>
          <Button variant="danger" disabled={pending} onClick={revoke}>{pending ? tc("loading") : t("revokeButton")}</Button>
        </div>
      </Dialog>
    </div>
  );
}
