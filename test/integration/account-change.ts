import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { submitMerchantChange } from "@/lib/server/merchants/submit-merchant-change";
import { approveChangeRequest } from "@/lib/server/workflow/approve-change-request";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { meta, seedActor } from "./actors";
import { verifiedRequest } from "./workflow";

/** Approves as `supervisor` whatever flags the request carries; high risk goes to a second supervisor. */
export async function approveFully(changeRequestId: string, supervisor: Actor) {
  const db = await prisma();
  const request = await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
  const acknowledgedFlags = ((request.riskFlags as { code: string }[] | null) ?? []).map((f) => f.code);
  const first = await approveChangeRequest({ actor: supervisor, input: { changeRequestId, version: request.version, acknowledgedFlags }, requestMeta: meta() });
  if (first.status !== "AWAITING_SECOND_APPROVAL") return first;
  return approveChangeRequest({ actor: await seedActor("SUPERVISOR"), input: { changeRequestId, version: request.version + 1, acknowledgedFlags }, requestMeta: meta() });
}

/** A merchant onboarded through the real submission, blind verification and approval. */
export async function approvedMerchant(team: { maker: Actor; verifier: Actor; supervisor: Actor }) {
  const { data, request } = await verifiedRequest(team.maker, team.verifier);
  await approveFully(request.id, team.supervisor);
  return { data, merchantId: request.merchantId, onboardingRequestId: request.id };
}

/** An UPDATE request against the merchant's current version, through the real submission use case. */
export async function submitAccountChange(maker: Actor, merchantId: string, data: TMerchantApplicationInput) {
  const db = await prisma();
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: merchantId } });
  const { changeRequestId } = await submitMerchantChange({ actor: maker, input: { merchantId, merchantVersion: merchant.version, data }, requestMeta: meta() });
  return db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
}

export type Team = { maker: Actor; verifier: Actor; supervisor: Actor };

export async function team(): Promise<Team> {
  return { maker: await seedActor("CLERK"), verifier: await seedActor("CLERK"), supervisor: await seedActor("SUPERVISOR") };
}

/** Submits `next` as a change of an approved merchant, verifies it blind and approves it: it then waits for confirmation. */
export async function approvedAccountChange(people: Team, merchantId: string, next: TMerchantApplicationInput) {
  const submitted = await submitAccountChange(people.maker, merchantId, next);
  await verifyChangeRequest({
    actor: people.verifier,
    input: { changeRequestId: submitted.id, version: submitted.version, creditCode: next.merchant.creditCode, accountName: next.account.accountName, accountNo: next.account.accountNo, cnaps: next.account.cnaps },
    requestMeta: meta(),
  });
  const approvedAt = new Date();
  const approval = await approveFully(submitted.id, people.supervisor);
  const request = await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: submitted.id } });
  return { request, approval, approvedAt };
}

/**
 * An onboarded merchant whose approved change of receiving account now waits for confirmation.
 * `change` edits the onboarding data (give it a new account number, maybe a new phone).
 */
export async function pendingAccountChange(people: Team, change: (data: TMerchantApplicationInput) => TMerchantApplicationInput) {
  const onboarded = await approvedMerchant(people);
  const next = change(structuredClone(onboarded.data));
  return { ...onboarded, before: onboarded.data, after: next, ...(await approvedAccountChange(people, onboarded.merchantId, next)) };
}
