"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { beginEnrolmentAction } from "../../actions";
import { TotpForm } from "../totp-form";

export function Enrolment() {
  const t = useTranslations();
  const [setup, setSetup] = useState<{ secret: string; qr: string }>();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  if (!setup) {
    return (
      <div className="space-y-3">
        {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
        <Button disabled={pending} onClick={() => start(async () => {
          const result = await beginEnrolmentAction();
          if (result.ok) setSetup(result.value);
          else setError(t(`errors.${result.code}`));
        })}>
          {t("mfa.enrollTitle")}
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated per user */}
      <img src={setup.qr} alt={t("mfa.qrAlt")} width={220} height={220} className="rounded border border-slate-200" />
      <p className="text-sm">
        {t("mfa.secret")}: <code data-testid="totp-secret" className="font-mono break-all">{setup.secret}</code>
      </p>
      <TotpForm />
    </div>
  );
}
