"use server";

import { deleteDraft } from "@/lib/server/applications/delete-draft";
import { previewDuplicates } from "@/lib/server/applications/preview-duplicates";
import { saveApplicationDraft } from "@/lib/server/applications/save-application-draft";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";

export async function saveDraftAction(input: unknown) {
  return asActionResult(async () => saveApplicationDraft({ actor: await requireActor("merchant:draft"), input, requestMeta: await currentRequestMeta() }));
}

export async function deleteDraftAction(input: unknown) {
  return asActionResult(async () => deleteDraft({ actor: await requireActor("merchant:draft"), input, requestMeta: await currentRequestMeta() }));
}

export async function submitApplicationAction(input: unknown) {
  return asActionResult(async () => submitApplication({ actor: await requireActor("change:submit"), input, requestMeta: await currentRequestMeta() }));
}

export async function previewDuplicatesAction(input: unknown) {
  return asActionResult(async () => previewDuplicates(await requireActor("merchant:draft"), input), "read-only-safe");
}
