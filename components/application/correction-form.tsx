"use client";

import { useCallback, useMemo } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useServerForm } from "@/components/forms/use-server-form";
import { makeKeepSealedApplicationSchema, type TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { SEALED_FIELD_PATH, SEALED_FIELDS, sealedFieldsToRetype, type TSealedField } from "@/lib/domain/merchant/sealed-fields";
import { VERIFIED_FIELD_PATH, type TVerifiedField } from "@/lib/domain/workflow/schemas";
import type { ActionResult } from "@/lib/server/errors";
import type { TApplicationFormOptions } from "@/lib/server/applications/form-options";
import { ApplicationFormFrame } from "./application-form-frame";
import type { TApplicationFormValues, TEditMarks } from "./form-context";
import { useIdentifierChecks, type TPreviewDuplicates } from "./use-identifier-checks";

export type TCorrectResult = { status: string; version: number };
export type TCorrectionRequest = {
  id: string;
  reference: string;
  version: number;
  mismatchedFields: readonly string[];
  values: TMerchantApplicationInput;
  /** Last 4 of each sealed number on file: the form never holds the numbers themselves. */
  onFile: Record<TSealedField, string>;
};

const SEALED_PATHS = SEALED_FIELDS.map((field) => SEALED_FIELD_PATH[field]);

/**
 * The maker's correction of a returned request: the application form prefilled from the proposal,
 * the fields the verifier found different marked, the sealed numbers blank (blank keeps them).
 */
export function CorrectionForm({ options, request, actions }: {
  options: TApplicationFormOptions;
  request: TCorrectionRequest;
  actions: { correct: (input: unknown) => Promise<ActionResult<TCorrectResult>>; previewDuplicates: TPreviewDuplicates };
}) {
  const t = useTranslations("correction");
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const router = useRouter();
  const toast = useToast();
  const { id, reference, version, mismatchedFields } = request;
  const schema = useMemo(() => makeKeepSealedApplicationSchema(sealedFieldsToRetype(mismatchedFields)), [mismatchedFields]);
  const edit = useMemo<TEditMarks>(
    () => ({
      onFile: Object.fromEntries(SEALED_FIELDS.map((field) => [SEALED_FIELD_PATH[field], request.onFile[field]])),
      flagged: mismatchedFields.flatMap((field) => VERIFIED_FIELD_PATH[field as TVerifiedField] ?? []),
    }),
    [mismatchedFields, request.onFile],
  );

  const server = useServerForm<TApplicationFormValues, TCorrectResult>({
    schema,
    action: (): Promise<ActionResult<TCorrectResult>> => actions.correct({ changeRequestId: id, version, data: server.form.getValues() }),
    defaultValues: request.values,
    labels: {},
    onSuccess: () => {
      toast("good", t("resubmitted", { reference }));
      router.push("/my-work");
    },
  });
  // This request's own credit code, account and terminals are not duplicates of themselves.
  const previewDuplicates = useCallback<TPreviewDuplicates>((input) => actions.previewDuplicates({ ...(input as object), changeRequestId: id }), [actions, id]);
  const checks = useIdentifierChecks(server.form, previewDuplicates, locale, SEALED_PATHS);

  return (
    <ApplicationFormFrame server={server} checks={checks} options={options} locale={locale} label={t("formLabel")} edit={edit}>
      <Button type="submit">{server.submitting ? t("submitting") : t("submit")}</Button>
    </ApplicationFormFrame>
  );
}
