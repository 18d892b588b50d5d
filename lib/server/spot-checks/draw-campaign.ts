import "server-only";
import crypto from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { assignSpotCheckItems, type UnassignedItem } from "@/lib/domain/sampling";
import { campaignSizing } from "@/lib/domain/spot-checks/campaign-sizing";
import type { TSpotCheckPopulation, TSpotCheckSizing } from "@/lib/domain/spot-checks/schemas";
import { recordAuditEvent, type AuditActor } from "@/lib/server/audit/record-audit-event";
import { UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { drawSample, drawWeightOf, inCanonicalOrder, populationHash, type SpotCheckStrategy } from "./draw-sample";
import { loadDrawnRecords, selectPopulation } from "./select-population";

/** Rows per INSERT: keeps each statement well under PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 1_000;

export type UnassignedSpotCheckItem = UnassignedItem & { merchantId: string };

export type CampaignPlan = {
  name: string;
  periodStart: string;
  periodEnd: string;
  population: TSpotCheckPopulation;
  sizing: TSpotCheckSizing;
  strategy: SpotCheckStrategy;
  seed?: string;
  /** Already checked to be active auditors. */
  auditorIds: string[];
};

function newCampaignReference(now: Date) {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `SC-${day}-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
}

/**
 * Draws a campaign: the population in one query, the size (fixed or attribute sampling), a seeded
 * draw with the chosen strategy, then assignment over the auditors, never to the maker, verifier
 * or approver of the version under check. The read and the draw happen before the transaction; a
 * merchant that changes in between is caught as stale when its item is worked. `schedule`: the
 * monthly schedule and month it is drawn for, unique together in the database.
 */
export async function drawCampaign(
  db: PrismaClient,
  plan: CampaignPlan,
  creator: { createdById: string; auditActor: AuditActor; requestMeta: RequestMeta },
  now: Date,
  schedule?: { scheduleId: string; period: string },
) {
  const population = inCanonicalOrder(await selectPopulation(db, plan.population, now, plan.strategy));
  const populationSize = population.ids.length;
  if (populationSize === 0) throw new UseCaseError("VALIDATION", { population: ["validation.spotCheck.emptyPopulation"] });
  const sizing = campaignSizing(plan.sizing, populationSize);
  if (!sizing) throw new UseCaseError("VALIDATION", { sizing: ["validation.spotCheck.sampleTooLarge"] });

  const seed = plan.seed ?? crypto.randomBytes(16).toString("hex");
  // Two connections: the random page reads of a large sample use both of a small server's cores.
  const drawn = await loadDrawnRecords(db, drawSample(population, sizing.sampleSize, plan.strategy, seed), { connections: 2 });
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
    drawWeight: drawWeightOf(record, plan.strategy),
  }));
  const assignment = assignSpotCheckItems(items.map((i) => ({ itemId: i.id, makerId: i.makerId, verifierId: i.verifierId, approverIds: i.approverIds })), plan.auditorIds);
  const assigneeOf = new Map(assignment.assignments.map((a) => [a.itemId, a.auditorId]));
  const merchantOf = new Map<string, string>(items.map((i) => [i.id, i.merchantId]));
  const reference = newCampaignReference(now);
  const hash = populationHash(population);

  await db.$transaction(
    async (tx) => {
      await tx.spotCheckCampaign.create({
        data: {
          id: campaignId, reference, name: plan.name, periodStart: new Date(`${plan.periodStart}T00:00:00+08:00`), periodEnd: new Date(`${plan.periodEnd}T00:00:00+08:00`),
          population: plan.population as Prisma.InputJsonValue, sizing: sizing as unknown as Prisma.InputJsonValue, strategy: plan.strategy, seed,
          populationSize, populationHash: hash, sampleSize: items.length, createdById: creator.createdById, createdAt: now,
          scheduleId: schedule?.scheduleId ?? null, schedulePeriod: schedule?.period ?? null,
        },
      });
      for (let start = 0; start < items.length; start += INSERT_CHUNK) {
        await tx.spotCheckItem.createMany({ data: items.slice(start, start + INSERT_CHUNK).map((i) => ({ ...i, assigneeId: assigneeOf.get(i.id) ?? null })) });
      }
      await recordAuditEvent(
        tx,
        {
          action: "spotcheck.campaign-created", entity: "spot-check-campaign", entityId: campaignId,
          after: {
            reference, strategy: plan.strategy, seed, populationSize, populationHash: hash, sampleSize: items.length,
            assigned: assignment.assignments.length, unassigned: assignment.unassigned.length, auditorIds: plan.auditorIds,
            ...(schedule ? { scheduleId: schedule.scheduleId, period: schedule.period } : {}),
          },
        },
        creator.auditActor,
        creator.requestMeta,
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
    loads: assignment.loads,
    unassigned: assignment.unassigned.map((u): UnassignedSpotCheckItem => ({ ...u, merchantId: merchantOf.get(u.itemId)! })),
  };
}
