import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import type { Actor } from "@/lib/server/auth/current-actor";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "./actors";
import { enterpriseApplication } from "./applications";

/** Submit as `maker`, then verify blind as `verifier` with the same values: a request awaiting approval. */
export async function verifiedRequest(maker: Actor, verifier: Actor) {
  const data = enterpriseApplication();
  const { changeRequestId } = await submitApplication({ actor: maker, input: { data }, requestMeta: meta() });
  await verifyChangeRequest({
    actor: verifier,
    input: { changeRequestId, version: 1, creditCode: data.merchant.creditCode, accountName: data.account.accountName, accountNo: data.account.accountNo, cnaps: data.account.cnaps },
    requestMeta: meta(),
  });
  const request = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
  return { data, request };
}

/** An onboarded merchant at version 1: submitted, verified blind and approved by three different people. */
export async function approvedMerchant() {
  const [maker, verifier, supervisor] = [await seedActor("CLERK"), await seedActor("CLERK"), await seedActor("SUPERVISOR")];
  const { data, request } = await verifiedRequest(maker, verifier);
  await approveChangeRequest({ actor: supervisor, input: { changeRequestId: request.id, version: request.version }, requestMeta: meta() });
  return { data, merchantId: request.merchantId, maker, verifier, supervisor };
}

/** The change form as a clerk sends it: the approved values, sealed numbers blank (kept) unless typed. */
export function edited(data: TMerchantApplicationInput, change: (d: TMerchantApplicationInput) => void) {
  const copy = structuredClone(data);
  copy.merchant.legalRepId = "";
  copy.account.accountNo = "";
  change(copy);
  return copy;
}

/** Blind re-key by a fresh clerk with the given true values, then approval (twice when high risk), every flag acknowledged. */
export async function verifyAndApprove(changeRequestId: string, truth: { creditCode: string; accountName: string; accountNo: string; cnaps: string }) {
  await verifyChangeRequest({ actor: await seedActor("CLERK"), input: { changeRequestId, version: 1, ...truth }, requestMeta: meta() });
  const db = await prisma();
  const request = await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
  const acknowledgedFlags = ((request.riskFlags ?? []) as { code: string }[]).map((f) => f.code);
  const first = await approveChangeRequest({ actor: await seedActor("SUPERVISOR"), input: { changeRequestId, version: 2, acknowledgedFlags }, requestMeta: meta() });
  if (!request.highRisk) return first;
  return approveChangeRequest({ actor: await seedActor("SUPERVISOR"), input: { changeRequestId, version: 3, acknowledgedFlags }, requestMeta: meta() });
}
