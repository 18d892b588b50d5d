"use client";

import { useEffect, useRef, useState } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input, INPUT_CLASS } from "@/components/ui/input";
import { CONFIRMATION_OUTCOMES, ZRecordConfirmationSchema, type TRecordConfirmation } from "@/lib/domain/confirmations/confirmation-schema";
import type { ActionResult } from "@/lib/server/errors";

type TResult = { status: "EFFECTIVE" | "REJECTED"; caseReference: string | null };

/** The record of the call: who answered, on which number, when, and what they said. */
export function ConfirmationForm({ changeRequestId, version, merchantId, now, action }: {
  changeRequestId: string;
  version: number;
  merchantId: string;
  /** The page's "now" as a Beijing wall-clock minute: the same on the server render and in the browser. */
  now: string;
  action: (input: unknown) => Promise<ActionResult<TResult>>;
}) {
  const t = useTranslations("confirmations");
  const [result, setResult] = useState<TResult>();
  // What the merchant said comes first: it decides whether a note is required.
  const labels = { outcome: t("fields.outcome"), contactName: t("fields.contactName"), phoneUsed: t("fields.phoneUsed"), contactedAt: t("fields.contactedAt"), note: t("fields.note") };
  const { form, onSubmit, formError, errorsOf, summaryItems, submitting, attempt } = useServerForm<TRecordConfirmation, TResult>({
    schema: ZRecordConfirmationSchema,
    action,
    // The time of the call defaults to now (Beijing time); the clerk corrects it if they called earlier.
    defaultValues: { changeRequestId, version, contactName: "", phoneUsed: "", contactedAt: now, outcome: undefined, note: "" },
    labels,
    onSuccess: setResult,
  });
  const outcome = form.watch("outcome");

  if (result) return <ConfirmationOutcome result={result} merchantId={merchantId} />;
  const outcomeErrors = errorsOf("outcome");
  return (
    <form onSubmit={onSubmit} noValidate autoComplete="off" className="space-y-4" aria-label={t("legend")}>
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <fieldset disabled={submitting} className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold">{t("legend")}</legend>
        <fieldset className="space-y-1" aria-describedby={outcomeErrors.length ? "outcome-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("fields.outcome")}</legend>
          {outcomeErrors.length > 0 && (
            <ul id="outcome-error" className="text-sm font-medium text-red-700">
              {outcomeErrors.map((e) => <li key={e}>{e}</li>)}
            </ul>
          )}
          <div className="flex flex-wrap gap-2">
            {CONFIRMATION_OUTCOMES.map((value, i) => (
              <label key={value} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 has-checked:border-brand-700 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-brand-700">
                <input type="radio" id={i === 0 ? "outcome" : `outcome-${value}`} value={value} aria-invalid={outcomeErrors.length > 0 || undefined} {...form.register("outcome")} />
                {t(`outcomes.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="contactName" label={t("fields.contactName")} hint={t("hints.contactName")} errors={errorsOf("contactName")}>
          <Input {...form.register("contactName")} maxLength={60} />
        </Field>
        <Field id="phoneUsed" label={t("fields.phoneUsed")} hint={t("hints.phoneUsed")} errors={errorsOf("phoneUsed")}>
          <Input {...form.register("phoneUsed")} type="tel" inputMode="tel" className="font-mono" maxLength={30} />
        </Field>
        <Field id="contactedAt" label={t("fields.contactedAt")} hint={t("hints.contactedAt")} errors={errorsOf("contactedAt")}>
          <Input {...form.register("contactedAt")} type="datetime-local" className="max-w-xs" />
        </Field>
        {outcome === "OBJECTED" && <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{t("objectionWarning")}</p>}
        <Field id="note" label={t("fields.note")} hint={t(outcome === "OBJECTED" ? "hints.noteObjection" : "hints.note")} errors={errorsOf("note")}>
          <textarea {...form.register("note")} className={`${INPUT_CLASS} min-h-24`} maxLength={1000} />
        </Field>
      </fieldset>
      <Button type="submit" variant={outcome === "OBJECTED" ? "danger" : "primary"} disabled={submitting}>
        {submitting ? t("submitting") : outcome === "OBJECTED" ? t("submitObjection") : t("submit")}
      </Button>
    </form>
  );
}

function ConfirmationOutcome({ result, merchantId }: { result: TResult; merchantId: string }) {
  const t = useTranslations("confirmations");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const confirmed = result.status === "EFFECTIVE";
  return (
    <div className="space-y-3">
      <div ref={ref} tabIndex={-1} role="status" className={`rounded-md border-2 p-4 ${confirmed ? "border-green-700 bg-green-50 text-green-900" : "border-amber-600 bg-amber-50 text-amber-950"}`}>
        <p className="font-semibold">{confirmed ? t("done.confirmed") : t("done.objected", { reference: result.caseReference ?? "" })}</p>
      </div>
      <p className="flex gap-4 text-sm">
        <Link href={`/merchants/${merchantId}`} className="text-brand-700 underline">{t("done.toMerchant")}</Link>
        <Link href="/confirmations" className="text-brand-700 underline">{t("back")}</Link>
      </p>
    </div>
  );
}
