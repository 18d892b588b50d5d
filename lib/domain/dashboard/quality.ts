import type { TQualitySortKey } from "./query";

/**
 * Per-clerk quality from plain counts (SPEC §3.11): the basis for targeted training, so every
 * rate keeps its numerator and denominator beside it, and a rate with nothing to divide by is
 * "no data" (null), never 0 %.
 */

/** Counts for one maker inside the dashboard period. */
export type ClerkCounts = {
  clerkId: string;
  /** Requests the clerk submitted. */
  entries: number;
  /** Blind verifications of the clerk's entries, and how many of them found a difference. */
  verifications: number;
  mismatches: number;
  /** Supervisor decisions on the clerk's requests (first approval, rejection, return). */
  decisions: number;
  returns: number;
  rejections: number;
  /** Spot-check outcomes on versions the clerk entered: confirmed or discrepancy (unreachable says nothing about the entry). */
  spotChecks: number;
  discrepancies: number;
};

/** The four rates, in the order the table and chart show them. */
export const RATE_KEYS = ["mismatchRate", "returnRate", "rejectionRate", "discrepancyRate"] as const;
export type TRateKey = (typeof RATE_KEYS)[number];

export type Rate = { numerator: number; denominator: number; value: number | null };

export type QualityRow = ClerkCounts & {
  mismatchRate: Rate;
  returnRate: Rate;
  rejectionRate: Rate;
  discrepancyRate: Rate;
};

export function rate(numerator: number, denominator: number): Rate {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0 || numerator > denominator) {
    throw new RangeError(`rate ${numerator}/${denominator}: need whole numbers with 0 ≤ numerator ≤ denominator`);
  }
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export const EMPTY_COUNTS: Omit<ClerkCounts, "clerkId"> = {
  entries: 0,
  verifications: 0,
  mismatches: 0,
  decisions: 0,
  returns: 0,
  rejections: 0,
  spotChecks: 0,
  discrepancies: 0,
};

/** Adds counts for the same clerk that arrived from separate queries. */
export function mergeCounts(parts: readonly (Partial<ClerkCounts> & { clerkId: string })[]): ClerkCounts[] {
  const byClerk = new Map<string, ClerkCounts>();
  for (const part of parts) {
    const row = byClerk.get(part.clerkId) ?? { clerkId: part.clerkId, ...EMPTY_COUNTS };
    for (const key of Object.keys(EMPTY_COUNTS) as (keyof typeof EMPTY_COUNTS)[]) row[key] += part[key] ?? 0;
    byClerk.set(part.clerkId, row);
  }
  return [...byClerk.values()];
}

/**
 * Rates per clerk; the clerk whose work most needs a look comes first: the highest of their
 * rates, then most entries. Clerks with no activity at all sink to the bottom.
 */
export function qualityRows(counts: readonly ClerkCounts[]): QualityRow[] {
  return counts
    .map((c) => ({
      ...c,
      mismatchRate: rate(c.mismatches, c.verifications),
      returnRate: rate(c.returns, c.decisions),
      rejectionRate: rate(c.rejections, c.decisions),
      discrepancyRate: rate(c.discrepancies, c.spotChecks),
    }))
    .sort((a, b) => worstRate(b) - worstRate(a) || b.entries - a.entries || (a.clerkId < b.clerkId ? -1 : a.clerkId > b.clerkId ? 1 : 0));
}

export function worstRate(row: Pick<QualityRow, "mismatchRate" | "returnRate" | "rejectionRate" | "discrepancyRate">) {
  return Math.max(-1, ...[row.mismatchRate, row.returnRate, row.rejectionRate, row.discrepancyRate].map((r) => r.value ?? -1));
}

/** The table's order for a chosen column: highest first, "no data" last, ties by entries then id. */
export function sortQualityRows(rows: readonly QualityRow[], key: TQualitySortKey): QualityRow[] {
  const value = (r: QualityRow) => (key === "worst" ? worstRate(r) : key === "entries" ? r.entries : (r[key].value ?? -1));
  return [...rows].sort((a, b) => value(b) - value(a) || b.entries - a.entries || (a.clerkId < b.clerkId ? -1 : a.clerkId > b.clerkId ? 1 : 0));
}

/** Totals over all clerks, with rates of the totals (not an average of rates). */
export function teamRow(rows: readonly ClerkCounts[]): Omit<QualityRow, "clerkId"> {
  const sum = mergeCounts(rows.map((r) => ({ ...r, clerkId: "" })))[0] ?? { clerkId: "", ...EMPTY_COUNTS };
  const { clerkId: _omit, ...row } = qualityRows([sum])[0]!;
  return row;
}
