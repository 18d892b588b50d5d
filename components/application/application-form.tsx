"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useServerForm } from "@/components/forms/use-server-form";
import { emptyApplication, ZMerchantApplicationSchema } from "@/lib/domain/merchant/application-schema";
import type { TApplicationDraftData } from "@/lib/domain/merchant/draft-schema";
import type { ActionResult } from "@/lib/server/errors";
import type { TApplicationFormOptions } from "@/lib/server/applications/form-options";
import { ApplicationFormFrame } from "./application-form-frame";
import { DraftStatus } from "./draft-status";
import type { TApplicationFormValues } from "./form-context";
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
  const defaultValues = useMemo(() => initialValues(draft), [draft]);

  const server = useServerForm<TApplicationFormValues, TSubmitResult>({
    schema: ZMerchantApplicationSchema,
    // The hook hands over the schema's *output*; the server parses the clerk's raw values itself.
    action: async () => {
      const { draftId, version } = await autosave.settle();
      const result = await actions.submit({ data: server.form.getValues(), draftId, draftVersion: version });
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
  const autosave = useDraftAutosave(server.form, actions.saveDraft, { draftId: draft?.id, version: draft?.version, savedAt: draft?.updatedAt });
  const checks = useIdentifierChecks(server.form, actions.previewDuplicates, locale);

  const conflict = autosave.status.kind === "conflict";
  return (
    <ApplicationFormFrame server={server} checks={checks} options={options} locale={locale} label={t("formLabel")}>
      <Button type="submit" disabled={conflict}>{server.submitting ? t("submitting") : t("submit")}</Button>
      <Button variant="secondary" disabled={conflict || autosave.status.kind === "saving"} onClick={() => void autosave.saveNow()}>
        {t("saveDraft")}
      </Button>
      <DraftStatus status={autosave.status} />
    </ApplicationFormFrame>
  );
}
