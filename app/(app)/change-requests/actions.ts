"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { bulkApprove } from "@/lib/server/workflow/bulk-approve";
import { cancelChangeRequest } from "@/lib/server/workflow/cancel-change-request";
import { correctChangeRequest } from "@/lib/server/workflow/correct-change-request";
import { rejectChangeRequest } from "@/lib/server/workflow/reject-change-request";
import { returnChangeRequest } from "@/lib/server/workflow/return-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";

// Thin adapters: each use case authorises (role and segregation of duties), validates, checks
// the version and audits in one transaction.

export async function verifyChangeRequestAction(input: unknown) {
  return asActionResult(async () => verifyChangeRequest({ actor: await requireActor("change:verify"), input, requestMeta: await currentRequestMeta() }));
}

export async function approveChangeRequestAction(input: unknown) {
  return asActionResult(async () => approveChangeRequest({ actor: await requireActor("change:approve"), input, requestMeta: await currentRequestMeta() }));
}

export async function rejectChangeRequestAction(input: unknown) {
  return asActionResult(async () => rejectChangeRequest({ actor: await requireActor("change:approve"), input, requestMeta: await currentRequestMeta() }));
}

export async function returnChangeRequestAction(input: unknown) {
  return asActionResult(async () => returnChangeRequest({ actor: await requireActor("change:approve"), input, requestMeta: await currentRequestMeta() }));
}

export async function bulkApproveAction(input: unknown) {
  return asActionResult(async () => bulkApprove({ actor: await requireActor("change:approve"), input, requestMeta: await currentRequestMeta() }));
}

export async function correctChangeRequestAction(input: unknown) {
  return asActionResult(async () => correctChangeRequest({ actor: await requireActor("change:submit"), input, requestMeta: await currentRequestMeta() }));
}

export async function cancelChangeRequestAction(input: unknown) {
  return asActionResult(async () => cancelChangeRequest({ actor: await requireActor("change:submit"), input, requestMeta: await currentRequestMeta() }));
}
