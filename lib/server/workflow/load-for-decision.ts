import "server-only";
import type { ChangeRequest, Prisma } from "@/lib/generated/prisma/client";
import { decide, type TTransition } from "@/lib/domain/workflow/change-request-machine";
import type { Actor } from "@/lib/server/auth/current-actor";
import { changeOutcomeOf, followChange } from "@/lib/server/cases/follow-change";
import { UseCaseError } from "@/lib/server/errors";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";
import { replacesAccountInForce } from "./account-change";

export type LoadedRequest = ChangeRequest & { sealed: TSealedProposal };

/**
 * Loads a request and asks the workflow whether this actor may make this transition. The version
 * the actor saw must still be current: a decision on a request that moved on is a conflict.
 */
export async function loadForDecision(tx: Prisma.TransactionClient, actor: Actor, transition: TTransition, target: { changeRequestId: string; version: number }) {
  const request = await tx.changeRequest.findUnique({ where: { id: target.changeRequestId } });
  if (!request) throw new UseCaseError("NOT_FOUND");
  if (request.version !== target.version) throw new UseCaseError("CONFLICT");
  // Only an approval's destination depends on it: a replaced account waits for confirmation.
  const changesAccount = transition === "approve" && (await replacesAccountInForce(tx, request));
  const decision = decide(actor, transition, { ...request, changesAccount });
  if (!decision.ok) throw new UseCaseError(decision.reason === "ILLEGAL_STATE" ? "CONFLICT" : decision.reason);
  return { request: { ...request, sealed: request.proposal as unknown as TSealedProposal } as LoadedRequest, to: decision.to };
}

/**
 * The conditional update that makes a decision race-safe: exactly one writer moves a given version on.
 * Every path that closes a request passes here, so this is where its correction case follows it.
 */
export async function moveRequest(tx: Prisma.TransactionClient, request: ChangeRequest, data: Prisma.ChangeRequestUpdateManyMutationInput) {
  const { count } = await tx.changeRequest.updateMany({
    where: { id: request.id, version: request.version, status: request.status },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new UseCaseError("CONFLICT");
  const outcome = changeOutcomeOf(data.status);
  if (outcome) await followChange(tx, request, outcome);
}
