import "server-only";
import { ZCreateCampaignSchema } from "@/lib/domain/spot-checks/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { drawCampaign } from "./draw-campaign";
import { requireActiveAuditors } from "./eligible-auditors";

export type { UnassignedSpotCheckItem } from "./draw-campaign";

/** An auditor draws a spot-check campaign now (see drawCampaign for the draw and assignment). */
export async function createCampaign({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "spotcheck:manage");
  const data = parseInput(ZCreateCampaignSchema, input);
  const db = await prisma();
  const auditorIds = await requireActiveAuditors(db, data.auditorIds, "auditorIds");
  return drawCampaign(db, { ...data, auditorIds }, { createdById: actor.id, auditActor: actor, requestMeta }, new Date());
}
