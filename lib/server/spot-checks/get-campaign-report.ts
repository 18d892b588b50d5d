import "server-only";
import { campaignReport } from "@/lib/domain/spot-checks/campaign-report";
import type { CampaignSizing } from "@/lib/domain/spot-checks/campaign-sizing";
import { ZCampaignRefSchema } from "@/lib/domain/spot-checks/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { loadCampaignItems } from "./load-campaign-items";

/** Progress, outcomes, rates with their Wilson intervals and the per-maker and per-MCC tables of one campaign. */
export async function getCampaignReport({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "spotcheck:manage");
  const { campaignId } = parseInput(ZCampaignRefSchema, input);
  const { campaign, items, userById } = await loadCampaignItems(await prisma(), campaignId);
  const sizing = campaign.sizing as unknown as CampaignSizing;
  const report = campaignReport({
    strategy: campaign.strategy,
    populationSize: campaign.populationSize,
    confidence: sizing.method === "ATTRIBUTE" ? sizing.confidence : undefined,
    tolerableRate: sizing.method === "ATTRIBUTE" ? sizing.tolerableRate : undefined,
    items,
  });
  const makerNames = Object.fromEntries(report.byMaker.map((b) => [b.key, userById.get(b.key)?.displayName ?? null]));
  return {
    campaign: {
      id: campaign.id, reference: campaign.reference, name: campaign.name, status: campaign.status, strategy: campaign.strategy, seed: campaign.seed,
      periodStart: campaign.periodStart, periodEnd: campaign.periodEnd, populationSize: campaign.populationSize, populationHash: campaign.populationHash,
      sampleSize: campaign.sampleSize, sizing, population: campaign.population, version: campaign.version, createdAt: campaign.createdAt,
    },
    report,
    makerNames,
  };
}
