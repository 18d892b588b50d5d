"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { assignCase } from "@/lib/server/cases/assign-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { linkCase } from "@/lib/server/cases/link-case";
import { triageCase } from "@/lib/server/cases/triage-case";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";

// Thin adapters: each use case authorises, validates, checks the case's version and audits.
export async function triageCaseAction(input: unknown) {
  return asActionResult(async () => triageCase({ actor: await requireActor("case:triage"), input, requestMeta: await currentRequestMeta() }));
}

export async function assignCaseAction(input: unknown) {
  return asActionResult(async () => assignCase({ actor: await requireActor("case:triage"), input, requestMeta: await currentRequestMeta() }));
}

export async function addCaseNoteAction(input: unknown) {
  return asActionResult(async () => addCaseNote({ actor: await requireActor("case:triage"), input, requestMeta: await currentRequestMeta() }));
}

export async function linkCaseAction(input: unknown) {
  return asActionResult(async () => linkCase({ actor: await requireActor("case:triage"), input, requestMeta: await currentRequestMeta() }));
}

export async function closeCaseAction(input: unknown) {
  return asActionResult(async () => closeCase({ actor: await requireActor("case:triage"), input, requestMeta: await currentRequestMeta() }));
}
