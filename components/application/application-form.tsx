"use client";

import { useCallback, useMemo, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useServerForm } from "@/components/forms/use-server-form";
import { emptyApplication, ZMerchantApplicationSchema } from "@/lib/domain/merchant/application-schema";
import type { TApplicationDraftData } from "@/lib/domain/merchant/draft-schema";
import type { ActionResult } from "@/lib/server/errors";
import type { TApplicationFormOptions } from "@/lib/server/applications/form-options";
import { AccountSection } from "./account-section";
import { ApplicationErrorSummary } from "./application-error-summary";
import { DraftStatus } from "./draft-status";
import { ApplicationFormProvider, type TApplicationFormValues } from "./form-context";
import { moveToNextField } from "./keyboard";
import { MerchantSection } from "./merchant-section";
import { useSummaryLabels } from "./summary-labels";
import { TerminalsSection } from "./terminals-section";
import { useDraftAutosave, type TSaveDraft } from "./use-draft-autosave";
import { useIdentifierChecks, type TDuplicateFinding, type TPreviewDuplicates } from "./use-identifier-checks";

export type TSubmitResult = { changeRequestId: string; reference: string; findings: TDuplicateFinding[] };
export type TApplicationActions = {
  saveDraft: TSaveDraft;
  submit: (input: unknown) => Promise<ActionResult<TSubmitResult>>;
  previewDuplicates: TPreviewDuplicates;
};
export type TResumedDraft = { id: string; version: number; updatedAt: string; data: TApplicationDraftData };

function initialValues(draft?: TResumedDraft): TApplicationFormValues {
  if (!draft) return emptyApplication();
  const terminals = draft.data.terminals.length ? draft.data.terminals : emptyApplication().terminals;
  return { ...draft.data, terminals };
}

/** New-merchant application: 商户信息, 收款账户, 终端; drafts autosave; the server has the last word. */
export function ApplicationForm({ options, actions, draft }: { options: TApplicationFormOptions; actions: TApplicationActions; draft?: TResumedDraft }) {
  const t = useTranslations("application");
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const router = useRouter();
  const toast = useToast();
  const labelsFor = useSummaryLabels();
  const defaultValues = useMemo(() => initialValues(draft), [draft]);

  const { form, onSubmit, formError, errorsOf, translate, submitting } = useServerForm<TApplicationFormValues, TSubmitResult>({
    schema: ZMerchantApplicationSchema,
    // The hook hands over the schema's *output*; the server parses the clerk's raw values itself.
    action: async () => {
      const { draftId, version } = await autosave.settle();
      const result = await actions.submit({ data: form.getValues(), draftId, draftVersion: version });
      if (!result.ok) autosave.reschedule();
      return result;
    },
    defaultValues,
    labels: {},
    onSuccess: ({ reference, findings }) => {
      autosave.stop();
      toast("good", findings.length ? `${t("submitted", { reference })} ${t("submittedWithFindings", { count: findings.length })}` : t("submitted", { reference }));
      router.push("/my-work");
    },
  });
  const autosave = useDraftAutosave(form, actions.saveDraft, { draftId: draft?.id, version: draft?.version, savedAt: draft?.updatedAt });
  const checks = useIdentifierChecks(form, actions.previewDuplicates, locale);

  const errorsFor = useCallback(
    (path: string) => [...new Set([...errorsOf(path as never), ...checks.extraErrors(path).map(translate)])],
    [errorsOf, checks, translate],
  );
  const summaryItems = labelsFor(form.getValues("terminals").length).flatMap(([path, label]) => errorsFor(path).map((message) => ({ path, label, message })));

  // Enter never submits: in a field it moves on like Tab; only the submit button submits.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
      event.preventDefault();
      moveToNextField(event.currentTarget, target);
    }
  };

  const conflict = autosave.status.kind === "conflict";
  return (
    <ApplicationFormProvider
      value={{ form, options, locale, errorsFor, notesFor: checks.notesFor, identifierBlur: checks.identifierBlur, terminalsChanged: checks.terminalsChanged }}
    >
      <form
        onSubmit={(event) => {
          checks.checkBeforeSubmit();
          return onSubmit(event);
        }}
        onKeyDown={onKeyDown} noValidate className="space-y-6" aria-label={t("formLabel")}>
        <ApplicationErrorSummary items={summaryItems} formError={formError} attempt={form.formState.submitCount} />
        <fieldset disabled={submitting} className="space-y-6">
          <MerchantSection />
          <AccountSection />
          <TerminalsSection />
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
            <Button type="submit" disabled={conflict}>{submitting ? t("submitting") : t("submit")}</Button>
            <Button variant="secondary" disabled={conflict || autosave.status.kind === "saving"} onClick={() => void autosave.saveNow()}>
              {t("saveDraft")}
            </Button>
            <DraftStatus status={autosave.status} />
          </div>
        </fieldset>
      </form>
    </ApplicationFormProvider>
  );
}
