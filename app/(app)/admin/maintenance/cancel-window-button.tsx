"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { cancelMaintenanceWindowAction } from "./actions";

export function CancelWindowButton({ id, version, label }: { id: string; version: number; label: string }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const cancel = () =>
    start(async () => {
      setError(undefined);
      const result = await cancelMaintenanceWindowAction({ id, version });
      if (result.ok) {
        toast("good", t("maintenance.windows.cancelled"));
        router.refresh();
        return;
      }
      setError(t(`errors.${result.code}`));
    });
  return (
    <div className="space-y-1">
      <Button variant="secondary" disabled={pending} onClick={cancel} aria-label={t("maintenance.windows.cancelNamed", { window: label })}>
        {t("maintenance.windows.cancel")}
      </Button>
      {error && <p role="alert" className="text-sm font-medium text-red-700">{error}</p>}
    </div>
  );
}
