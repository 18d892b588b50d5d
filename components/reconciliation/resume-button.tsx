"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/forms/use-action-call";
import { resumeRunAction } from "@/app/(app)/reconciliation/actions";

/** Resume an interrupted run, or re-run a finished one against the records as they are now. */
export function ResumeButton({ runId, version, rerun }: { runId: string; version: number; rerun: boolean }) {
  const t = useTranslations("reconRuns");
  const router = useRouter();
  const { call, error, pending } = useActionCall();
  return (
    <div className="space-y-2">
      <Button variant={rerun ? "secondary" : "primary"} disabled={pending} onClick={() => call(() => resumeRunAction({ runId, version }), () => router.refresh())}>
        {pending ? t("resuming") : rerun ? t("rerun") : t("resume")}
      </Button>
      {error && <p role="alert" className="text-sm text-red-800">{error}</p>}
    </div>
  );
}
