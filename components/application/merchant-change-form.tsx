"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/server/errors";
import type { TApplicationFormOptions } from "@/lib/server/applications/form-options";
import { EditApplicationForm, type TStoredApplication } from "./edit-application-form";
import type { TPreviewDuplicates } from "./use-identifier-checks";

export type TMerchantChangeResult = { changeRequestId: string; reference: string };

/** A change to an approved merchant, against the version the page was rendered with. */
export function MerchantChangeForm({ options, merchant, actions, caseId }: {
  options: TApplicationFormOptions;
  merchant: TStoredApplication & { id: string; version: number };
  actions: { submit: (input: unknown) => Promise<ActionResult<TMerchantChangeResult>>; previewDuplicates: TPreviewDuplicates };
  /** The correction case this change is made for; the server checks it is open and this merchant's. */
  caseId?: string;
}) {
  const t = useTranslations("merchantChange");
  const router = useRouter();
  const toast = useToast();
  const { id, version } = merchant;
  const scope = useMemo(() => ({ merchantId: id }), [id]);
  return (
    <EditApplicationForm
      options={options}
      stored={merchant}
      scope={scope}
      submit={(data) => actions.submit({ merchantId: id, merchantVersion: version, data, ...(caseId ? { caseId } : {}) })}
      previewDuplicates={actions.previewDuplicates}
      onSuccess={({ changeRequestId, reference }) => {
        toast("good", t("submitted", { reference }));
        router.push(`/change-requests/${changeRequestId}`);
      }}
      text={{ label: t("formLabel"), submit: t("submit"), submitting: t("submitting") }}
    />
  );
}
