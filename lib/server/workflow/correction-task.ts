import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { editableProposal } from "@/lib/server/applications/editable-proposal";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";

/**
 * What the maker needs to correct a returned request: why it came back (field names, never the
 * verifier's values; the supervisor's comment) and their proposal without its sealed numbers.
 * Only the maker gets it: anyone else is told apart from a missing request, so the page can refuse.
 */
export async function getCorrectionTask(actor: Actor | null, changeRequestId: string) {
  authorize(actor, "change:submit");
  const db = await prisma();
  const request = await db.changeRequest.findUnique({ where: { id: changeRequestId.slice(0, 64) } });
  if (!request) return { found: false } as const;
  if (request.makerId !== actor.id) return { found: true, mine: false } as const;
  const { values, onFile } = editableProposal(request.proposal as unknown as TSealedProposal);
  return {
    found: true,
    mine: true,
    id: request.id,
    reference: request.reference,
    version: request.version,
    status: request.status,
    legalName: request.legalName,
    mismatchedFields: request.mismatchedFields,
    decisionNote: request.decisionNote,
    values,
    onFile,
  } as const;
}
