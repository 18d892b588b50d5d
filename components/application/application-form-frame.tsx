"use client";

import { useCallback, type KeyboardEvent, type ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { TApplicationFormOptions } from "@/lib/server/applications/form-options";
import { AccountSection } from "./account-section";
import { ApplicationErrorSummary } from "./application-error-summary";
import { ApplicationFormProvider, type TApplicationFormValues, type TEditMarks } from "./form-context";
import { moveToNextField } from "./keyboard";
import { MerchantSection } from "./merchant-section";
import { useSummaryLabels } from "./summary-labels";
import { TerminalsSection } from "./terminals-section";
import type { useIdentifierChecks } from "./use-identifier-checks";

/** What the frame needs of `useServerForm`, whatever the form submits to. */
export type TApplicationFormServer = {
  form: UseFormReturn<TApplicationFormValues>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  formError?: string;
  errorsOf: (path: never) => string[];
  translate: (key: string | undefined) => string;
  submitting: boolean;
};

/**
 * The application's three sections with their error summary and keyboard handling, shared by a
 * new entry and an edit of stored data; the buttons (`children`) are the caller's.
 */
export function ApplicationFormFrame({ server, checks, options, locale, label, edit, children }: {
  server: TApplicationFormServer;
  checks: ReturnType<typeof useIdentifierChecks>;
  options: TApplicationFormOptions;
  locale: "zh-CN" | "en";
  label: string;
  edit?: TEditMarks;
  children: ReactNode;
}) {
  const { form, onSubmit, formError, errorsOf, translate, submitting } = server;
  const labelsFor = useSummaryLabels();
  const errorsFor = useCallback(
    (path: string) => [...new Set([...errorsOf(path as never), ...checks.extraErrors(path).map(translate)])],
    [errorsOf, checks, translate],
  );
  const summaryItems = labelsFor(form.getValues("terminals").length).flatMap(([path, fieldLabel]) => errorsFor(path).map((message) => ({ path, label: fieldLabel, message })));

  // Enter never submits: in a field it moves on like Tab; only the submit button submits.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
      event.preventDefault();
      moveToNextField(event.currentTarget, target);
    }
  };

  return (
    <ApplicationFormProvider
      value={{ form, options, locale, errorsFor, notesFor: checks.notesFor, identifierBlur: checks.identifierBlur, terminalsChanged: checks.terminalsChanged, edit }}
    >
      <form
        onSubmit={(event) => {
          checks.checkBeforeSubmit();
          return onSubmit(event);
        }}
        onKeyDown={onKeyDown}
        noValidate
        className="space-y-6"
        aria-label={label}
      >
        <ApplicationErrorSummary items={summaryItems} formError={formError} attempt={form.formState.submitCount} />
        <fieldset disabled={submitting} className="space-y-6">
          <MerchantSection />
          <AccountSection />
          <TerminalsSection />
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">{children}</div>
        </fieldset>
      </form>
    </ApplicationFormProvider>
  );
}
