import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assignSpotCheckItems, type UnassignedItem } from "@/lib/domain/sampling";
import { campaignSizing } from "@/lib/domain/spot-checks/campaign-sizing";
import { ZCreateCampaignSchema } from "@/lib/domain/spot-checks/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { drawSample, drawWeightOf, inCanonicalOrder, populationHash } from "./draw-sample";
import { requireActiveAuditors } from "./eligible-auditors";
import { loadDrawnRecords, selectPopulation } from "./select-population";

/** Rows per INSERT: keeps each statement well under PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 1_000;

export type UnassignedSpotCheckItem = UnassignedItem & { merchantId: string };

function newCampaignReference(now: Date) {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `SC-${day}-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
}

/**
 * Draws a spot-check campaign: the population in one query, the size (fixed or attribute
 * sampling), a seeded draw with the chosen strategy, then assignment over the chosen auditors,
 * never to the maker, verifier or approver of the version under check. The read and the draw
 * happen before the transaction; a merchant that changes in between is caught as stale when its
 * item is worked.
 */
export async function createCampaign({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "spotcheck:manage");
  const data = parseInput(ZCreateCampaignSchema, input);
  const db = await prisma();
  const now = new Date();
  const auditorIds = await requireActiveAuditors(db, data.auditorIds, "auditorIds");

  const population = inCanonicalOrder(await selectPopulation(db, data.population, now, data.strategy));
  const populationSize = population.ids.length;
  if (populationSize === 0) throw new UseCaseError("VALIDATION", { population: ["validation.spotCheck.emptyPopulation"] });
  const sizing = campaignSizing(data.sizing, populationSize);
  if (!sizing) throw new UseCaseError("VALIDATION", { sizing: ["validation.spotCheck.sampleTooLarge"] });

  const seed = data.seed ?? crypto.randomBytes(16).toString("hex");
  const drawn = await loadDrawnRecords(db, drawSample(population, sizing.sampleSize, data.strategy, seed));
  const campaignId = crypto.randomUUID();
  const items = drawn.map((record, drawOrder) => ({
    id: crypto.randomUUID(),
    campaignId,
    drawOrder,
    merchantId: record.merchantId,
    merchantVersion: record.merchantVersion,
    changeRequestId: record.changeRequestId,
    makerId: record.makerId,
    verifierId: record.verifierId,
    approverIds: [record.approverId, record.secondApproverId].filter((id): id is string => !!id),
    mcc: record.mcc,
    drawWeight: drawWeightOf(record, data.strategy),
  }));
  const plan = assignSpotCheckItems(items.map((i) => ({ itemId: i.id, makerId: i.makerId, verifierId: i.verifierId, approverIds: i.approverIds })), auditorIds);
  const assigneeOf = new Map(plan.assignments.map((a) => [a.itemId, a.auditorId]));
  const merchantOf = new Map<string, string>(items.map((i) => [i.id, i.merchantId]));
  const reference = newCampaignReference(now);
  const hash = populationHash(population);

  await db.$transaction(
    async (tx) => {
      await tx.spotCheckCampaign.create({
        data: {
          id: campaignId, reference, name: data.name, periodStart: new Date(`${data.periodStart}T00:00:00+08:00`), periodEnd: new Date(`${data.periodEnd}T00:00:00+08:00`),
          population: data.population as Prisma.InputJsonValue, sizing: sizing as unknown as Prisma.InputJsonValue, strategy: data.strategy, seed,
          populationSize, populationHash: hash, sampleSize: items.length, createdById: actor.id, createdAt: now,
        },
      });
      for (let start = 0; start < items.length; start += INSERT_CHUNK) {
        await tx.spotCheckItem.createMany({ data: items.slice(start, start + INSERT_CHUNK).map((i) => ({ ...i, assigneeId: assigneeOf.get(i.id) ?? null })) });
      }
      await recordAuditEvent(
        tx,
        {
          action: "spotcheck.campaign-created", entity: "spot-check-campaign", entityId: campaignId,
          after: { reference, strategy: data.strategy, seed, populationSize, populationHash: hash, sampleSize: items.length, assigned: plan.assignments.length, unassigned: plan.unassigned.length, auditorIds },
        },
        actor,
        requestMeta,
      );
    },
    { timeout: 60_000, maxWait: 10_000 },
  );

  return {
    campaignId,
    reference,
    seed,
    populationSize,
    populationHash: hash,
    sizing,
    sampleSize: items.length,
    loads: plan.loads,
    unassigned: plan.unassigned.map((u): UnassignedSpotCheckItem => ({ ...u, merchantId: merchantOf.get(u.itemId)! })),
  };
}
