"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { verifyAuditTrailAction } from "../actions";

type Verdict = Awaited<ReturnType<typeof verifyAuditTrailAction>>;

/** Walks the chain on demand; the outcome is announced to screen readers as it arrives. */
export function VerifyChainButton() {
  const t = useTranslations("audit");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const run = () =>
    start(async () => {
      setVerdict(await verifyAuditTrailAction());
      router.refresh();
    });
  const outcome = verdict?.ok ? verdict.value : null;
  return (
    <div className="space-y-3">
      <Button type="button" onClick={run} disabled={pending}>{pending ? t("verifying") : t("verifyNow")}</Button>
      <div aria-live="polite" data-testid="verify-outcome">
        {verdict && !verdict.ok && <p className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900">{t("verifyError")}</p>}
        {outcome?.ok === true && <p className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-sm text-green-900">{t("intact", { through: outcome.through })}</p>}
        {outcome?.ok === false && (
          <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-semibold">{t("broken", { at: outcome.brokenAt })}</p>
            <p>{outcome.reason}</p>
            <p className="mt-1">{t("brokenAdvice")}</p>
          </div>
        )}
      </div>
    </div>
  );
}
