"use client";

import { useCallback, useMemo } from "react";
import { useLocale } from "next-intl";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/forms/use-server-form";
import { makeKeepSealedApplicationSchema, type TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { SEALED_FIELD_PATH, SEALED_FIELDS, sealedFieldsToRetype, type TSealedField } from "@/lib/domain/merchant/sealed-fields";
import { VERIFIED_FIELD_PATH, type TVerifiedField } from "@/lib/domain/workflow/schemas";
import type { ActionResult } from "@/lib/server/errors";
import type { TApplicationFormOptions } from "@/lib/server/applications/form-options";
import { ApplicationFormFrame } from "./application-form-frame";
import type { TApplicationFormValues, TEditMarks } from "./form-context";
import { useIdentifierChecks, type TPreviewDuplicates } from "./use-identifier-checks";

/** Stored data as a form edits it: never the sealed numbers themselves, only their last 4. */
export type TStoredApplication = {
  values: TMerchantApplicationInput;
  /** Last 4 of each sealed number on file. */
  onFile: Record<TSealedField, string>;
  /** Fields a blind verifier found different: marked, and a sealed one must be re-typed. */
  mismatchedFields?: readonly string[];
};

/** Whose own credit code, account and terminals the duplicate preview leaves out. */
export type TDuplicateScope = { changeRequestId: string } | { merchantId: string };

const SEALED_PATHS = SEALED_FIELDS.map((field) => SEALED_FIELD_PATH[field]);
const NONE: readonly string[] = [];

/**
 * The application form over stored data — a returned request, an approved merchant: prefilled,
 * the sealed numbers blank (blank keeps the one on file), the fields found different marked. The
 * caller says where it submits and what follows.
 */
export function EditApplicationForm<TResult>({ options, stored, scope, submit, previewDuplicates, onSuccess, text }: {
  options: TApplicationFormOptions;
  stored: TStoredApplication;
  scope: TDuplicateScope;
  submit: (data: TApplicationFormValues) => Promise<ActionResult<TResult>>;
  previewDuplicates: TPreviewDuplicates;
  onSuccess: (result: TResult) => void;
  text: { label: string; submit: string; submitting: string };
}) {
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const mismatchedFields = stored.mismatchedFields ?? NONE;
  const schema = useMemo(() => makeKeepSealedApplicationSchema(sealedFieldsToRetype(mismatchedFields)), [mismatchedFields]);
  const edit = useMemo<TEditMarks>(
    () => ({
      onFile: Object.fromEntries(SEALED_FIELDS.map((field) => [SEALED_FIELD_PATH[field], stored.onFile[field]])),
      flagged: mismatchedFields.flatMap((field) => VERIFIED_FIELD_PATH[field as TVerifiedField] ?? []),
    }),
    [mismatchedFields, stored.onFile],
  );

  const server = useServerForm<TApplicationFormValues, TResult>({
    schema,
    // The hook hands over the schema's output; the server parses the clerk's raw values itself.
    action: (): Promise<ActionResult<TResult>> => submit(server.form.getValues()),
    defaultValues: stored.values,
    labels: {},
    onSuccess,
  });
  const scoped = useCallback<TPreviewDuplicates>((input) => previewDuplicates({ ...(input as object), ...scope }), [previewDuplicates, scope]);
  const checks = useIdentifierChecks(server.form, scoped, locale, SEALED_PATHS);

  return (
    <ApplicationFormFrame server={server} checks={checks} options={options} locale={locale} label={text.label} edit={edit}>
      <Button type="submit">{server.submitting ? text.submitting : text.submit}</Button>
    </ApplicationFormFrame>
  );
}
