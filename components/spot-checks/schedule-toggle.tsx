"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setScheduleActiveAction } from "@/app/(app)/spot-checks/actions";
import { useActionCall } from "@/components/forms/use-action-call";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/** Pause or resume a monthly schedule; campaigns already drawn are not touched. */
export function ScheduleToggle({ scheduleId, version, active, name }: { scheduleId: string; version: number; active: boolean; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const { call, error, pending } = useActionCall();
  const toggle = () =>
    call(
      () => setScheduleActiveAction({ scheduleId, version, active: !active }),
      () => {
        toast("good", t(active ? "spotChecks.schedules.paused" : "spotChecks.schedules.resumed", { name }));
        router.refresh();
      },
    );
  return (
    <div className="space-y-1">
      <Button variant="secondary" disabled={pending} onClick={toggle} aria-label={t(active ? "spotChecks.schedules.pauseNamed" : "spotChecks.schedules.resumeNamed", { name })}>
        {t(active ? "spotChecks.schedules.pause" : "spotChecks.schedules.resume")}
      </Button>
      {error && <p role="alert" className="text-sm font-medium text-red-700">{error}</p>}
    </div>
  );
}
