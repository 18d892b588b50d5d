"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/server/errors";
import type { TApplicationFormOptions } from "@/lib/server/applications/form-options";
import { EditApplicationForm, type TStoredApplication } from "./edit-application-form";
import type { TPreviewDuplicates } from "./use-identifier-checks";

export type TCorrectResult = { status: string; version: number };
export type TCorrectionRequest = TStoredApplication & { id: string; reference: string; version: number; mismatchedFields: readonly string[] };

/** The maker's correction of a returned request, resubmitted for a fresh blind verification. */
export function CorrectionForm({ options, request, actions }: {
  options: TApplicationFormOptions;
  request: TCorrectionRequest;
  actions: { correct: (input: unknown) => Promise<ActionResult<TCorrectResult>>; previewDuplicates: TPreviewDuplicates };
}) {
  const t = useTranslations("correction");
  const router = useRouter();
  const toast = useToast();
  const { id, reference, version } = request;
  const scope = useMemo(() => ({ changeRequestId: id }), [id]);
  return (
    <EditApplicationForm
      options={options}
      stored={request}
      scope={scope}
      submit={(data) => actions.correct({ changeRequestId: id, version, data })}
      previewDuplicates={actions.previewDuplicates}
      onSuccess={() => {
        toast("good", t("resubmitted", { reference }));
        router.push("/my-work");
      }}
      text={{ label: t("formLabel"), submit: t("submit"), submitting: t("submitting") }}
    />
  );
}
