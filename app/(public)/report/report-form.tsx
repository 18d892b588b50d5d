"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { INPUT_CLASS } from "@/components/ui/input";
import { REPORT_TEXT_MAX, REPORT_TRAP_FIELD, ZCardholderReportSchema, type TCardholderReport } from "@/lib/domain/cases/cardholder-report";
import { submitCardholderReportAction } from "./actions";

// Phones: 16px text (no zoom on focus in iOS Safari) and tall boxes that are easy to hit.
const BIG_INPUT = INPUT_CLASS.replace("py-2", "py-3").replace("text-sm", "text-base");

const EMPTY: TCardholderReport = { terminalId: "", merchantName: "", merchantNo: "", payeeShown: "", occurredOn: "", amount: "", contact: "", description: "", [REPORT_TRAP_FIELD]: "" };

export function ReportForm({ today }: { today: string }) {
  const t = useTranslations("report");
  const [reference, setReference] = useState<string>();
  const labels = {
    terminalId: t("terminalId"),
    merchantName: t("merchantName"),
    merchantNo: t("merchantNo"),
    payeeShown: t("payeeShown"),
    occurredOn: t("occurredOn"),
    amount: t("amount"),
    contact: t("contact"),
    description: t("description"),
  };
  const { form, onSubmit, formError, errorsOf, summaryItems, attempt, submitting } = useServerForm<TCardholderReport, { reference: string }>({
    schema: ZCardholderReportSchema,
    action: submitCardholderReportAction,
    defaultValues: EMPTY,
    labels,
    onSuccess: ({ reference }) => {
      form.reset(EMPTY);
      setReference(reference);
    },
  });
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reference) doneRef.current?.focus();
  }, [reference]);

  if (reference) {
    return (
      <div ref={doneRef} tabIndex={-1} role="status" className="space-y-3 rounded-lg border-2 border-emerald-700 bg-emerald-50 p-5 outline-none" data-testid="report-received">
        <h2 className="text-lg font-semibold text-emerald-950">{t("doneTitle")}</h2>
        <p className="text-emerald-950">{t("doneReference")}</p>
        <p className="break-all rounded-md bg-white px-3 py-2 text-center font-mono text-lg font-semibold tracking-wide text-slate-900" data-testid="report-reference">{reference}</p>
        <p className="text-sm text-emerald-950">{t("doneNext")}</p>
        <Button variant="secondary" className="min-h-12 w-full text-base" onClick={() => setReference(undefined)}>{t("another")}</Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ErrorSummary items={summaryItems} formError={formError} focusKey={attempt} />
      <fieldset disabled={submitting} className="space-y-5">
        <div className="space-y-4 rounded-md border border-slate-200 bg-slate-50 p-3">
          {/* Either one satisfies "at least one": re-checking the other clears its stale error. */}
          <p className="text-sm text-slate-700">{t("whichOne")}</p>
          <Field id="terminalId" label={t("terminalId")} hint={t("terminalIdHint")} errors={errorsOf("terminalId")}>
            <input className={`${BIG_INPUT} font-mono uppercase`} autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={20} {...form.register("terminalId", { deps: ["merchantName"] })} />
          </Field>
          <Field id="merchantName" label={t("merchantName")} hint={t("merchantNameHint")} errors={errorsOf("merchantName")}>
            <input className={BIG_INPUT} autoComplete="off" maxLength={400} {...form.register("merchantName", { deps: ["terminalId"] })} />
          </Field>
        </div>
        <Field id="payeeShown" label={t("payeeShown")} hint={t("payeeShownHint")} errors={errorsOf("payeeShown")}>
          <input className={BIG_INPUT} autoComplete="off" maxLength={400} {...form.register("payeeShown")} />
        </Field>
        <Field id="occurredOn" label={t("occurredOn")} hint={t("occurredOnHint")} errors={errorsOf("occurredOn")}>
          <input type="date" className={BIG_INPUT} max={today} {...form.register("occurredOn")} />
        </Field>
        <Field id="merchantNo" label={t("merchantNo")} hint={t("merchantNoHint")} errors={errorsOf("merchantNo")}>
          <input className={`${BIG_INPUT} font-mono uppercase`} inputMode="text" autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={30} {...form.register("merchantNo")} />
        </Field>
        <Field id="amount" label={t("amount")} hint={t("amountHint")} errors={errorsOf("amount")}>
          <input className={BIG_INPUT} inputMode="decimal" autoComplete="off" maxLength={20} {...form.register("amount")} />
        </Field>
        <Field id="contact" label={t("contact")} hint={t("contactHint")} errors={errorsOf("contact")}>
          <input className={BIG_INPUT} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={100} {...form.register("contact")} />
        </Field>
        <Field id="description" label={t("description")} hint={t("descriptionHint", { max: REPORT_TEXT_MAX })} errors={errorsOf("description")}>
          <textarea className={`${BIG_INPUT} min-h-32`} maxLength={REPORT_TEXT_MAX} {...form.register("description")} />
        </Field>
        {/* The bot trap: off-screen rather than display:none, which some robots skip; never announced, never tabbed to. */}
        <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
          <label htmlFor={REPORT_TRAP_FIELD}>Website</label>
          <input id={REPORT_TRAP_FIELD} type="text" tabIndex={-1} autoComplete="off" {...form.register(REPORT_TRAP_FIELD)} />
        </div>
        <p className="text-sm text-slate-700">{t("privacy")}</p>
        <Button type="submit" className="min-h-12 w-full text-base">
          {submitting ? t("submitting") : t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
