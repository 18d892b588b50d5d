"use client";

import { useEffect, useRef, useState } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { INPUT_CLASS } from "@/components/ui/input";
import { CHECKLIST_ITEMS, SPOT_CHECK_OUTCOMES, ZRecordItemOutcomeSchema, type TRecordItemOutcome, type TSpotCheckOutcome } from "@/lib/domain/spot-checks/schemas";
import type { ActionResult } from "@/lib/server/errors";

/** A DISCREPANCY may open a correction case; the reference is shown when the result carries one. */
type TResult = { version: number; outcome: TSpotCheckOutcome; caseReference?: string | null };

const CHOICE = "flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 has-checked:border-brand-700 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-brand-700";

/** The checklist, the outcome and the note; a confirmation needs every box ticked, the others a note. */
export function ItemCheckForm({ itemId, version, action }: { itemId: string; version: number; action: (input: unknown) => Promise<ActionResult<TResult>> }) {
  const t = useTranslations("spotChecks.item");
  const tc = useTranslations("spotChecks");
  const [result, setResult] = useState<TResult>();
  const labels = { checklist: t("checklist"), outcome: t("fields.outcome"), note: t("fields.note") };
  const { form, onSubmit, formError, errorsOf, summaryItems, submitting, attempt } = useServerForm<TRecordItemOutcome, TResult>({
    schema: ZRecordItemOutcomeSchema,
    action,
    defaultValues: { itemId, version, outcome: undefined, checklist: { accountHolderConfirmed: false, accountNumberConfirmed: false, terminalAtAddress: false, contactReachable: false }, note: "" },
    labels,
    onSuccess: setResult,
  });
  const outcome = form.watch("outcome");
  const checklist = JSON.stringify(form.watch("checklist"));
  const { trigger } = form;
  const submitted = form.formState.isSubmitted;
  // The checklist rule spans fields: after a refused submit, re-check it whenever a box or the outcome changes.
  useEffect(() => {
    if (submitted) void trigger("checklist");
  }, [trigger, submitted, outcome, checklist]);
  if (result) return <RecordedOutcome result={result} />;
  const checklistErrors = errorsOf("checklist");
  const outcomeErrors = errorsOf("outcome");
  return (
    <form onSubmit={onSubmit} noValidate autoComplete="off" className="space-y-4" aria-label={t("formTitle")}>
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <fieldset disabled={submitting} className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold">{t("formTitle")}</legend>
        <fieldset id="checklist" tabIndex={-1} className="space-y-2" aria-describedby={checklistErrors.length ? "checklist-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("checklist")}</legend>
          <p className="text-xs text-slate-600">{t("checklistHint")}</p>
          {checklistErrors.length > 0 && <ul id="checklist-error" className="text-sm font-medium text-red-700">{checklistErrors.map((e) => <li key={e}>{e}</li>)}</ul>}
          <div className="grid gap-2 sm:grid-cols-2">
            {CHECKLIST_ITEMS.map((box) => (
              <label key={box} className={CHOICE}>
                <input type="checkbox" id={`checklist.${box}`} {...form.register(`checklist.${box}`)} />
                {t(`checks.${box}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-1" aria-describedby={outcomeErrors.length ? "outcome-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("fields.outcome")}</legend>
          {outcomeErrors.length > 0 && <ul id="outcome-error" className="text-sm font-medium text-red-700">{outcomeErrors.map((e) => <li key={e}>{e}</li>)}</ul>}
          <div className="flex flex-wrap gap-2">
            {SPOT_CHECK_OUTCOMES.map((value, i) => (
              <label key={value} className={CHOICE}>
                <input type="radio" id={i === 0 ? "outcome" : `outcome-${value}`} value={value} aria-invalid={outcomeErrors.length > 0 || undefined} {...form.register("outcome")} />
                {tc(`outcomes.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {outcome === "DISCREPANCY" && <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{t("discrepancyWarning")}</p>}
        <Field id="note" label={t("fields.note")} hint={t(outcome && outcome !== "CONFIRMED" ? "hints.noteRequired" : "hints.note")} errors={errorsOf("note")}>
          <textarea {...form.register("note")} className={`${INPUT_CLASS} min-h-24`} maxLength={2000} />
        </Field>
      </fieldset>
      <Button type="submit" variant={outcome === "DISCREPANCY" ? "danger" : "primary"} disabled={submitting}>{submitting ? t("submitting") : t("submit")}</Button>
    </form>
  );
}

function RecordedOutcome({ result }: { result: TResult }) {
  const t = useTranslations("spotChecks");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const tone = result.outcome === "CONFIRMED" ? "border-green-700 bg-green-50 text-green-900" : "border-amber-600 bg-amber-50 text-amber-950";
  return (
    <div className="space-y-3">
      <div ref={ref} tabIndex={-1} role="status" className={`rounded-md border-2 p-4 ${tone}`}>
        <p className="font-semibold">{t("item.recorded", { outcome: t(`outcomes.${result.outcome}`) })}</p>
        {result.caseReference && <p className="mt-1">{t("item.caseOpened", { reference: result.caseReference })}</p>}
      </div>
      <p className="text-sm"><Link href="/spot-checks/mine" className="text-brand-700 underline">{t("item.backToMine")}</Link></p>
    </div>
  );
}
