"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionCall } from "@/components/forms/use-action-call";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { setReadOnlyAction } from "./actions";

/** Manual read-only on or off; takes effect on every instance at the next request. */
export function ReadOnlySwitch({ readOnly, version }: { readOnly: boolean; version: number }) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const { call, error, pending } = useActionCall();
  const toggle = () =>
    call(
      () => setReadOnlyAction({ readOnly: !readOnly, version }),
      () => {
        toast("good", t(readOnly ? "maintenance.switch.turnedOff" : "maintenance.switch.turnedOn"));
        router.refresh();
      },
    );
  return (
    <div className="space-y-1">
      <Button variant={readOnly ? "primary" : "danger"} disabled={pending} onClick={toggle}>
        {t(readOnly ? "maintenance.switch.turnOff" : "maintenance.switch.turnOn")}
      </Button>
      {error && <p role="alert" className="text-sm font-medium text-red-700">{error}</p>}
    </div>
  );
}
