import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { IdLines, type IdList } from "@/lib/domain/sampling";
import type { TSpotCheckPopulation } from "@/lib/domain/spot-checks/schemas";
import type { SpotCheckStrategy } from "./draw-sample";
import { codesOf, numbersOf, type CodedColumn } from "./population-columns";

/**
 * The population a draw starts from: merchant ids in code-unit order, with what the strategy
 * weighs or stratifies by, index for index. Nothing else: details are read for the drawn few only.
 */
export type Population = {
  /** As the database sent them (IdLines: one text, decision 040), or an array once re-sorted. */
  ids: IdList;
  /** RISK_WEIGHTED: the risk weight of each merchant's version in force. */
  riskWeights?: Float64Array;
  /** STRATIFIED_BY_MAKER: the maker of each merchant's version in force, coded ("" for none). */
  makers?: CodedColumn;
};

/** A drawn merchant's version in force and the people behind it (never its assignee). */
export type PopulationRecord = {
  merchantId: string;
  merchantVersion: number;
  mcc: string | null;
  changeRequestId: string;
  makerId: string;
  verifierId: string | null;
  approverId: string | null;
  secondApproverId: string | null;
  riskWeight: number;
};

const DAY_MS = 86_400_000;

function filtersOf(population: TSpotCheckPopulation, now: Date): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`m.status = 'ACTIVE'`, Prisma.sql`m.version >= 1`];
  if (population.changedWithinDays !== undefined) where.push(Prisma.sql`m."inForceApprovedAt" >= ${new Date(now.getTime() - population.changedWithinDays * DAY_MS)}`);
  if (population.mccs) where.push(Prisma.sql`m.mcc IN (${Prisma.join(population.mccs)})`);
  // The prefix is digits only (schema), so it needs no LIKE escaping.
  if (population.regionPrefix) where.push(Prisma.sql`m."divisionCode" LIKE ${`${population.regionPrefix}%`}`);
  if (population.makerIds) where.push(Prisma.sql`m."inForceMakerId" IN (${Prisma.join(population.makerIds)})`);
  return where;
}

/**
 * One index-only scan of "Merchant" (the version-in-force facts live on it, decision 011), each
 * column aggregated into a single value in byte order of id (COLLATE "C": code-unit order for
 * ASCII ids): the ids, the risk weights (small whole numbers in practice: two bytes each) or
 * the makers, each as one text with one line per merchant. At a million merchants two values
 * cross the wire, not a million rows, and no line has to be cut in two (decision 034).
 */
export async function selectPopulation(db: Pick<PrismaClient, "$queryRaw">, population: TSpotCheckPopulation, now: Date, strategy: SpotCheckStrategy): Promise<Population> {
  const extra =
    strategy === "RISK_WEIGHTED" ? Prisma.sql`, string_agg(p.weight::text, E'\\n') AS weights`
    : strategy === "STRATIFIED_BY_MAKER" ? Prisma.sql`, string_agg(COALESCE(p.maker, ''), E'\\n') AS makers`
    : Prisma.empty;
  // Aggregating an ordered subquery keeps the index's order without a second sort; PostgreSQL
  // does not promise it, so inCanonicalOrder checks it (and sorts, slowly, if it ever failed).
  const [row] = await db.$queryRaw<{ ids: string | null; weights?: string | null; makers?: string | null }[]>(Prisma.sql`
    SELECT string_agg(p.id, E'\\n') AS ids${extra} FROM (
      SELECT m.id, m."inForceRiskWeight" AS weight, m."inForceMakerId" AS maker
      FROM "Merchant" m
      WHERE ${Prisma.join(filtersOf(population, now), " AND ")}
      ORDER BY m.id COLLATE "C") AS p`);
  if (!row?.ids) return { ids: [], ...(strategy === "RISK_WEIGHTED" ? { riskWeights: new Float64Array(0) } : strategy === "STRATIFIED_BY_MAKER" ? { makers: { names: [], codes: new Uint32Array(0) } } : {}) };
  const ids = IdLines.of(row.ids);
  if (strategy === "RISK_WEIGHTED") return { ids, riskWeights: numbersOf(row.weights!, ids.length) };
  if (strategy === "STRATIFIED_BY_MAKER") return { ids, makers: codesOf(row.makers!, ids.length) };
  return { ids };
}

/**
 * The drawn merchants' versions in force with the people behind them, in the order given: one
 * primary-key probe each on "Merchant", where the trigger keeps them (decision 040), instead of
 * three (merchant, version, change request) — a 1% draw of a million is 10,000 of them. Those
 * probes are random page reads, CPU-bound in the database server, so with `connections` > 1 (a
 * client, never a transaction) they are split over that many connections and server processes.
 */
export async function loadDrawnRecords(db: Pick<PrismaClient, "$queryRaw">, merchantIds: readonly string[], options: { connections?: number } = {}): Promise<PopulationRecord[]> {
  if (merchantIds.length === 0) return [];
  const parts = Math.max(1, Math.min(options.connections ?? 1, Math.floor(merchantIds.length / MIN_IDS_PER_CONNECTION)));
  const size = Math.ceil(merchantIds.length / parts);
  const rows = (await Promise.all(Array.from({ length: parts }, (_, i) => drawnRows(db, merchantIds.slice(i * size, (i + 1) * size))))).flat();
  const byId = new Map(rows.map((r) => [r.merchantId, r]));
  return merchantIds.map((id) => {
    const r = byId.get(id);
    if (!r?.changeRequestId || !r.makerId) throw new Error(`drawn merchant ${id} has no version in force`);
    return { ...r, changeRequestId: r.changeRequestId, makerId: r.makerId, merchantVersion: Number(r.merchantVersion), riskWeight: Number(r.riskWeight) };
  });
}

/** Below this many ids per connection, another round trip costs more than it saves. */
const MIN_IDS_PER_CONNECTION = 1000;

async function drawnRows(db: Pick<PrismaClient, "$queryRaw">, merchantIds: readonly string[]) {
  return db.$queryRaw<(Omit<PopulationRecord, "changeRequestId" | "makerId"> & { changeRequestId: string | null; makerId: string | null })[]>(Prisma.sql`
    SELECT m.id AS "merchantId", m.version AS "merchantVersion", m.mcc, m."inForceChangeRequestId" AS "changeRequestId",
           m."inForceMakerId" AS "makerId", m."inForceVerifierId" AS "verifierId", m."inForceApproverId" AS "approverId",
           m."inForceSecondApproverId" AS "secondApproverId", m."inForceRiskWeight" AS "riskWeight"
    FROM "Merchant" m
    WHERE m.id = ANY(${merchantIds as string[]}::text[]) AND m.version >= 1`);
}

/** How many merchants the filters select now (the create form's live preview): a count, not the list. */
export async function populationCount(db: Pick<PrismaClient, "$queryRaw">, population: TSpotCheckPopulation, now: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>(Prisma.sql`
    SELECT count(*) AS n FROM "Merchant" m WHERE ${Prisma.join(filtersOf(population, now), " AND ")}`);
  return Number(row?.n ?? 0);
}
