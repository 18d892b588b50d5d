import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApplicationForm } from "@/components/application/application-form";
import { SubmittedApplication } from "@/components/application/submitted-application";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { formOptions } from "@/lib/server/applications/form-options";
import { loadDraft } from "@/lib/server/applications/load-draft";
import { previewDuplicatesAction, saveDraftAction, submitApplicationAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("application"))("titleDraft") };
}

export default async function ApplicationDraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const actor = await requirePageActor("merchant:draft");
  const { draftId } = await params;
  // Someone else's draft is "not found", exactly like a missing one.
  const draft = await loadDraft(actor, draftId);
  if (!draft) notFound();
  const t = await getTranslations("application");
  const options = await formOptions();

  if (draft.submittedAt) {
    const request = draft.changeRequestId
      ? await (await prisma()).changeRequest.findUnique({ where: { id: draft.changeRequestId }, select: { reference: true } })
      : null;
    return (
      <div className="mx-auto max-w-5xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("titleSubmitted")}</h1>
        <SubmittedApplication data={draft.data} reference={request?.reference ?? null} submittedAt={draft.submittedAt} options={options} />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("titleDraft")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ApplicationForm
        key={draft.id}
        options={options}
        actions={{ saveDraft: saveDraftAction, submit: submitApplicationAction, previewDuplicates: previewDuplicatesAction }}
        draft={{ id: draft.id, version: draft.version, updatedAt: draft.updatedAt.toISOString(), data: draft.data }}
      />
    </div>
  );
}
