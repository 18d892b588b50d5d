import crypto from "node:crypto";
import type { Actor } from "@/lib/server/auth/current-actor";
import { openCase } from "@/lib/server/cases/open-case";
import { prisma } from "@/lib/server/db";
import { createCampaign } from "@/lib/server/spot-checks/create-campaign";
import { recordItemOutcome } from "@/lib/server/spot-checks/record-item-outcome";
import { meta, seedActor } from "./actors";
import { approvedMerchant } from "./workflow";

/** A case as the system opens one (here: an objection with no change request), straight through openCase. */
export async function openedCase(overrides: { merchantId?: string | null } = {}) {
  const db = await prisma();
  return db.$transaction((tx) =>
    openCase(tx, { kind: "CARDHOLDER_REPORT", merchantId: overrides.merchantId ?? null, changeRequestId: null, summary: `Slip showed another payee ${crypto.randomUUID().slice(0, 6)}`, now: new Date() }, null, meta()),
  );
}

/**
 * An approved merchant spot-checked by an auditor who found a discrepancy: the real campaign and
 * outcome use cases, so the correction case is opened the way production opens it.
 */
export async function discrepancyCase(note = "Account name on file differs from the bank's record") {
  const merchant = await approvedMerchant();
  const auditor = await seedActor("AUDITOR");
  const campaign = await createCampaign({
    actor: auditor,
    input: { name: "Correction", periodStart: "2026-10-01", periodEnd: "2026-12-31", population: { makerIds: [merchant.maker.id] }, sizing: { method: "FIXED", sampleSize: 1 }, strategy: "SIMPLE", seed: "s", auditorIds: [auditor.id] },
    requestMeta: meta(),
  });
  const db = await prisma();
  const item = await db.spotCheckItem.findFirstOrThrow({ where: { campaignId: campaign.campaignId } });
  const recorded = await recordItemOutcome({
    actor: auditor,
    input: { itemId: item.id, version: item.version, outcome: "DISCREPANCY", checklist: { accountHolderConfirmed: false, accountNumberConfirmed: true, terminalAtAddress: true, contactReachable: true }, note },
    requestMeta: meta(),
  });
  const opened = await db.case.findUniqueOrThrow({ where: { reference: recorded.caseReference! } });
  return { ...merchant, auditor: auditor as Actor, item, recorded, case: opened };
}
