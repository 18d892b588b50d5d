import "server-only";
import crypto from "node:crypto";
import { ZSubmitApplicationSchema } from "@/lib/domain/merchant/draft-schema";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { checkAgainstRecords, prepareProposal } from "./prepare-proposal";

/**
 * A dry run of submitApplication: the same schema, reference-table and duplicate checks, and the
 * same refusals, but nothing is written (no transaction, no audit event, no change request).
 */
export async function validateApplication({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "change:submit");
  const { data } = parseInput(ZSubmitApplicationSchema, input);
  const { app, proposal } = prepareProposal(data);
  const { findings } = await checkAgainstRecords(await prisma(), app, proposal, crypto.randomUUID());
  return { valid: true as const, findings };
}
