import "server-only";
import { ZSpotCheckPopulationSchema } from "@/lib/domain/spot-checks/schemas";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { populationCount } from "./select-population";

/** How many approved merchants the filters select now: the create form's live preview (a read, not audited). */
export async function countPopulation({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "spotcheck:manage");
  const population = parseInput(ZSpotCheckPopulationSchema, input);
  return { populationSize: await populationCount(await prisma(), population, new Date()) };
}
