"use client";

import { useState, type InputHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ZBlindVerificationSchema, type TBlindVerification } from "@/lib/domain/workflow/schemas";
import type { ActionResult } from "@/lib/server/errors";
import { VerifyOutcome, type TVerifyResult } from "./verify-outcome";

type Props = {
  changeRequestId: string;
  version: number;
  needsCreditCode: boolean;
  personalAccount: boolean;
  luhnWarning: boolean;
  makerName: string;
  action: (input: unknown) => Promise<ActionResult<TVerifyResult>>;
};

// Nothing the browser remembers or corrects may creep into a re-key; pasting stays allowed.
const BLIND: InputHTMLAttributes<HTMLInputElement> = { autoComplete: "off", autoCorrect: "off", autoCapitalize: "off", spellCheck: false, type: "text" };

/** The blind re-key: four empty fields, compared on the server, never against anything in this page. */
export function BlindVerifyForm({ changeRequestId, version, needsCreditCode, personalAccount, luhnWarning, makerName, action }: Props) {
  const t = useTranslations("verify");
  const [result, setResult] = useState<TVerifyResult>();
  const labels = {
    ...(needsCreditCode ? { creditCode: t("fields.creditCode") } : {}),
    accountName: t("fields.accountName"),
    accountNo: t("fields.accountNo"),
    cnaps: t("fields.cnaps"),
    ...(luhnWarning ? { acknowledgeWarnings: t("fields.acknowledgeWarnings") } : {}),
  };
  const { form, onSubmit, formError, errorsOf, summaryItems, submitting } = useServerForm<TBlindVerification, TVerifyResult>({
    schema: ZBlindVerificationSchema,
    action,
    defaultValues: { changeRequestId, version, creditCode: "", accountName: "", accountNo: "", cnaps: "", acknowledgeWarnings: false },
    labels,
    onSuccess: setResult,
  });

  if (result) return <VerifyOutcome result={result} makerName={makerName} />;
  return (
    <form onSubmit={onSubmit} noValidate autoComplete="off" className="space-y-4" aria-label={t("legend")}>
      <ErrorSummary items={summaryItems} formError={formError} />
      <fieldset disabled={submitting} className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold">{t("legend")}</legend>
        {needsCreditCode && (
          <Field id="creditCode" label={t("fields.creditCode")} hint={t("hints.creditCode")} errors={errorsOf("creditCode")}>
            <Input {...BLIND} {...form.register("creditCode")} className="font-mono" maxLength={40} />
          </Field>
        )}
        <Field id="accountName" label={t("fields.accountName")} hint={t("hints.accountName")} errors={errorsOf("accountName")}>
          <Input {...BLIND} {...form.register("accountName")} maxLength={100} />
        </Field>
        <Field id="accountNo" label={t("fields.accountNo")} hint={t(personalAccount ? "hints.accountNoPersonal" : "hints.accountNoCorporate")} errors={errorsOf("accountNo")}>
          <Input {...BLIND} {...form.register("accountNo")} inputMode="numeric" className="font-mono" maxLength={60} />
        </Field>
        <Field id="cnaps" label={t("fields.cnaps")} hint={t("hints.cnaps")} errors={errorsOf("cnaps")}>
          <Input {...BLIND} {...form.register("cnaps")} inputMode="numeric" className="font-mono" maxLength={30} />
        </Field>
        {luhnWarning && <LuhnAcknowledgement errors={errorsOf("acknowledgeWarnings")} register={form.register("acknowledgeWarnings")} />}
      </fieldset>
      <Button type="submit" disabled={submitting}>{submitting ? t("submitting") : t("submit")}</Button>
    </form>
  );
}

function LuhnAcknowledgement({ errors, register }: { errors: string[]; register: InputHTMLAttributes<HTMLInputElement> }) {
  const t = useTranslations("verify");
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p id="acknowledgeWarnings-hint" className="text-sm text-amber-900">{t("luhnWarning")}</p>
      {errors.length > 0 && (
        <ul id="acknowledgeWarnings-error" className="text-sm font-medium text-red-700">
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
      <label className="flex items-start gap-2 text-sm font-medium text-slate-900">
        <input
          type="checkbox"
          id="acknowledgeWarnings"
          className="mt-0.5 h-4 w-4"
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={["acknowledgeWarnings-hint", errors.length ? "acknowledgeWarnings-error" : ""].filter(Boolean).join(" ")}
          {...register}
        />
        {t("acknowledgeLuhn")}
      </label>
    </div>
  );
}
