import "server-only";
import { checkAgainstRecords, prepareProposal } from "@/lib/server/applications/prepare-proposal";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertFreeForChange, changeableMerchant } from "./merchant-change-guards";
import { assertSomethingChanged } from "./open-merchant-change-request";
import { ZSubmitMerchantChangeSchema } from "./submit-merchant-change";

/** A dry run of submitMerchantChange: every check and refusal it makes before writing, and no write. */
export async function validateMerchantChange({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "change:submit");
  const { merchantId, merchantVersion, data } = parseInput(ZSubmitMerchantChangeSchema, input);
  const db = await prisma();
  const current = await changeableMerchant(db, merchantId, merchantVersion);
  const { app, proposal } = prepareProposal(data, { keep: current.sealed });
  assertSomethingChanged(proposal, current);
  await assertFreeForChange(db, merchantId, merchantVersion);
  const { findings } = await checkAgainstRecords(db, app, proposal, merchantId);
  return { valid: true as const, findings };
}
