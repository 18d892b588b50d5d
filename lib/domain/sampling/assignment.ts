/**
 * Spreads a campaign's spot-check items over the chosen auditors (SPEC §3.8, issue 5 §2): never
 * to a person who made, verified or approved the version under check, and as evenly as the
 * exclusions allow.
 *
 * 1. Greedy: items with the fewest eligible auditors go first; each goes to the least-loaded
 *    eligible auditor, ties taken round-robin.
 * 2. Balancing: while some auditor can pass an item down a chain of eligible reassignments to an
 *    auditor with at least two fewer items, do it. With no such chain left the assignment is an
 *    optimal semi-matching (Harvey, Ladner, Lovász & Tamir, "Semi-matchings for bipartite graphs
 *    and load balancing", 2003): it minimises the largest load and the spread at the same time,
 *    so loads differ by at most one whenever any assignment could achieve that.
 * Items no chosen auditor may take come back unassigned, with who is conflicted and why.
 */

export type SpotCheckParties = { makerId: string; verifierId: string | null; approverIds: readonly string[] };
export type AssignableItem = SpotCheckParties & { itemId: string };
export type ConflictRole = "maker" | "verifier" | "approver";

export type Assignment = { itemId: string; auditorId: string };
export type AuditorConflict = { auditorId: string; roles: ConflictRole[] };
export type UnassignedItem = { itemId: string; reason: "NO_AUDITORS" | "ALL_AUDITORS_CONFLICTED"; conflicts: AuditorConflict[] };
export type AuditorLoad = { auditorId: string; itemCount: number };
export type AssignmentPlan = { assignments: Assignment[]; unassigned: UnassignedItem[]; loads: AuditorLoad[] };

/** The roles in which `personId` took part in the checked version; empty when they may check it. */
export function conflictsOfInterest(parties: SpotCheckParties, personId: string): ConflictRole[] {
  const roles: ConflictRole[] = [];
  if (parties.makerId === personId) roles.push("maker");
  if (parties.verifierId === personId) roles.push("verifier");
  if (parties.approverIds.includes(personId)) roles.push("approver");
  return roles;
}

export function mayCheck(parties: SpotCheckParties, auditorId: string): boolean {
  return conflictsOfInterest(parties, auditorId).length === 0;
}

type Placement = { item: number; eligible: number[] };

/** Greedy pass: most constrained items first, least-loaded auditor, ties round-robin. */
function placeGreedily(placements: Placement[], auditorCount: number, owner: number[], load: number[]) {
  const order = [...placements].sort((a, b) => a.eligible.length - b.eligible.length || a.item - b.item);
  let cursor = 0;
  for (const { item, eligible } of order) {
    let chosen = -1;
    for (const auditor of eligible) {
      if (chosen === -1 || load[auditor]! < load[chosen]!) chosen = auditor;
      else if (load[auditor] === load[chosen] && (auditor - cursor + auditorCount) % auditorCount < (chosen - cursor + auditorCount) % auditorCount) chosen = auditor;
    }
    owner[item] = chosen;
    load[chosen]!++;
    cursor = (chosen + 1) % auditorCount;
  }
}

/**
 * From `source`, a breadth-first search over "an item of x may go to y" for an auditor with at
 * most load(source) − 2 items; moves the items along the path found. True when it moved.
 */
function shiftAlongCheaperPath(source: number, eligibleOf: Map<number, number[]>, itemsOf: Set<number>[], owner: number[], load: number[]): boolean {
  const cameFrom = new Map<number, { auditor: number; item: number }>();
  const queue = [source];
  const visited = new Set([source]);
  for (let head = 0; head < queue.length; head++) {
    const auditor = queue[head]!;
    for (const item of itemsOf[auditor]!) {
      for (const next of eligibleOf.get(item)!) {
        if (visited.has(next)) continue;
        visited.add(next);
        cameFrom.set(next, { auditor, item });
        if (load[next]! <= load[source]! - 2) {
          for (let to = next; to !== source; ) {
            const step = cameFrom.get(to)!;
            itemsOf[step.auditor]!.delete(step.item);
            itemsOf[to]!.add(step.item);
            owner[step.item] = to;
            to = step.auditor;
          }
          load[source]!--;
          load[next]!++;
          return true;
        }
        queue.push(next);
      }
    }
  }
  return false;
}

function balance(placements: Placement[], auditorCount: number, owner: number[], load: number[]) {
  const eligibleOf = new Map(placements.map((p) => [p.item, p.eligible]));
  const itemsOf = Array.from({ length: auditorCount }, () => new Set<number>());
  for (const { item } of placements) itemsOf[owner[item]!]!.add(item);
  for (;;) {
    if (Math.max(...load) - Math.min(...load) <= 1) return;
    const byLoad = [...load.keys()].sort((a, b) => load[b]! - load[a]! || a - b);
    if (!byLoad.some((source) => shiftAlongCheaperPath(source, eligibleOf, itemsOf, owner, load))) return;
  }
}

export function assignSpotCheckItems(items: readonly AssignableItem[], auditorIds: readonly string[]): AssignmentPlan {
  const auditors = [...new Set(auditorIds)];
  const unassigned: UnassignedItem[] = [];
  const placements: Placement[] = [];
  items.forEach((item, index) => {
    const eligible = auditors.flatMap((auditorId, a) => (mayCheck(item, auditorId) ? [a] : []));
    if (eligible.length > 0) placements.push({ item: index, eligible });
    else {
      const conflicts = auditors.map((auditorId) => ({ auditorId, roles: conflictsOfInterest(item, auditorId) }));
      unassigned.push({ itemId: item.itemId, reason: auditors.length === 0 ? "NO_AUDITORS" : "ALL_AUDITORS_CONFLICTED", conflicts });
    }
  });

  const owner = new Array<number>(items.length).fill(-1);
  const load = new Array<number>(auditors.length).fill(0);
  if (placements.length > 0) {
    placeGreedily(placements, auditors.length, owner, load);
    balance(placements, auditors.length, owner, load);
  }

  return {
    assignments: placements.map(({ item }) => ({ itemId: items[item]!.itemId, auditorId: auditors[owner[item]!]! })),
    unassigned,
    loads: auditors.map((auditorId, a) => ({ auditorId, itemCount: load[a]! })),
  };
}
