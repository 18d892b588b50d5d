import type { TCreateCampaign } from "@/lib/domain/spot-checks/schemas";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { seedActor } from "./actors";
import { ensureReferenceRows } from "./applications";
import { approvedMerchant } from "./workflow";

export const ALL_TRUE = { accountHolderConfirmed: true, accountNumberConfirmed: true, terminalAtAddress: true, contactReachable: true };

export type MerchantFixture = Awaited<ReturnType<typeof approvedMerchant>>;
export type CampaignFixture = { merchants: MerchantFixture[]; manager: Actor; auditors: Actor[]; makerIds: string[] };

/** Six approved merchants (each with its own maker), a campaign manager and two auditors. */
export async function campaignFixture(): Promise<CampaignFixture> {
  await ensureReferenceRows();
  const merchants: MerchantFixture[] = [];
  for (let i = 0; i < 6; i++) merchants.push(await approvedMerchant());
  return { merchants, makerIds: merchants.map((m) => m.maker.id), manager: await seedActor("AUDITOR"), auditors: [await seedActor("AUDITOR"), await seedActor("AUDITOR")] };
}

/** A campaign over the six fixture merchants only (their makers are unique to them). */
export function campaignInputFor(fixture: Pick<CampaignFixture, "makerIds" | "auditors">, overrides: Partial<TCreateCampaign> = {}): TCreateCampaign {
  return {
    name: "Q4 spot check",
    periodStart: "2026-10-01",
    periodEnd: "2026-12-31",
    population: { makerIds: fixture.makerIds },
    sizing: { method: "FIXED", sampleSize: 3 },
    strategy: "SIMPLE",
    seed: "seed-1",
    auditorIds: fixture.auditors.map((a) => a.id),
    ...overrides,
  };
}

export async function itemsOf(campaignId: string) {
  return (await prisma()).spotCheckItem.findMany({ where: { campaignId }, orderBy: { drawOrder: "asc" } });
}
