import type { Actor } from "@/lib/server/auth/current-actor";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { prisma } from "@/lib/server/db";
import { meta } from "./actors";
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
