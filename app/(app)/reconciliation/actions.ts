"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { addFindingToSpotCheck } from "@/lib/server/reconciliation/add-finding-spot-check";
import { openFindingCase } from "@/lib/server/reconciliation/open-finding-case";
import { continueRunInBackground } from "@/lib/server/reconciliation/background";
import { resumeReconciliationRun } from "@/lib/server/reconciliation/resume-run";
import { currentRequestMeta } from "@/lib/server/request-meta";

// Thin adapters: each use case authorises, validates, checks the version and audits.
export async function resumeRunAction(input: unknown) {
  return asActionResult(async () => {
    const resumed = await resumeReconciliationRun({ actor: await requireActor("reconciliation:run"), input, requestMeta: await currentRequestMeta() });
    continueRunInBackground(resumed.runId);
    return resumed;
  });
}

export async function openFindingCaseAction(input: unknown) {
  return asActionResult(async () => openFindingCase({ actor: await requireActor("reconciliation:run"), input, requestMeta: await currentRequestMeta() }));
}

export async function addFindingToSpotCheckAction(input: unknown) {
  return asActionResult(async () => addFindingToSpotCheck({ actor: await requireActor("reconciliation:run"), input, requestMeta: await currentRequestMeta() }));
}
