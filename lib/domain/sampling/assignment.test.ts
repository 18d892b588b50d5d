import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignSpotCheckItems, conflictsOfInterest, mayCheck, type AssignableItem } from "./assignment";

const PEOPLE = ["auditor", "auditor2", "auditor3", "clerk", "clerk2", "supervisor", "supervisor2"];
const person = fc.constantFrom(...PEOPLE);

const itemsArbitrary = (maxLength: number) =>
  fc.array(
    fc.record({
      makerId: person,
      verifierId: fc.option(person, { nil: null }),
      approverIds: fc.uniqueArray(person, { maxLength: 2 }),
    }),
    { maxLength },
  ).map((parties) => parties.map((p, i): AssignableItem => ({ itemId: `item-${i}`, ...p })));

const auditorsArbitrary = fc.uniqueArray(person, { maxLength: 4 });

const sumOfSquares = (loads: number[]) => loads.reduce((sum, l) => sum + l * l, 0);

/** The best possible Σ load² and spread over every way to place the assignable items. */
function bruteForceBest(items: AssignableItem[], auditors: string[]) {
  const options = items.map((item) => auditors.map((_, a) => a).filter((a) => mayCheck(item, auditors[a]!))).filter((o) => o.length > 0);
  let best = { squares: Number.POSITIVE_INFINITY, spread: Number.POSITIVE_INFINITY };
  const load = new Array<number>(auditors.length).fill(0);
  const visit = (i: number) => {
    if (i === options.length) {
      best = {
        squares: Math.min(best.squares, sumOfSquares(load)),
        spread: Math.min(best.spread, auditors.length ? Math.max(...load) - Math.min(...load) : 0),
      };
      return;
    }
    for (const a of options[i]!) {
      load[a]!++;
      visit(i + 1);
      load[a]!--;
    }
  };
  visit(0);
  return best;
}

describe("conflictsOfInterest", () => {
  const parties = { makerId: "clerk", verifierId: "clerk2", approverIds: ["supervisor", "supervisor2"] };
  it("names every role the person took in the checked version", () => {
    expect(conflictsOfInterest(parties, "clerk")).toEqual(["maker"]);
    expect(conflictsOfInterest(parties, "clerk2")).toEqual(["verifier"]);
    expect(conflictsOfInterest(parties, "supervisor2")).toEqual(["approver"]);
    expect(conflictsOfInterest({ makerId: "x", verifierId: "x", approverIds: ["x"] }, "x")).toEqual(["maker", "verifier", "approver"]);
    expect(mayCheck(parties, "auditor")).toBe(true);
  });
});

describe("assignSpotCheckItems", () => {
  it("spreads items evenly and round-robin when nobody is conflicted", () => {
    const items = Array.from({ length: 7 }, (_, i): AssignableItem => ({ itemId: `i${i}`, makerId: "clerk", verifierId: "clerk2", approverIds: ["supervisor"] }));
    const plan = assignSpotCheckItems(items, ["auditor", "auditor2", "auditor3"]);
    expect(plan.assignments.map((a) => a.auditorId)).toEqual(["auditor", "auditor2", "auditor3", "auditor", "auditor2", "auditor3", "auditor"]);
    expect(plan.loads).toEqual([
      { auditorId: "auditor", itemCount: 3 },
      { auditorId: "auditor2", itemCount: 2 },
      { auditorId: "auditor3", itemCount: 2 },
    ]);
    expect(plan.unassigned).toEqual([]);
  });

  it("keeps an auditor off a record they approved and balances around it", () => {
    const items: AssignableItem[] = [
      { itemId: "a", makerId: "clerk", verifierId: "clerk2", approverIds: ["auditor"] },
      { itemId: "b", makerId: "clerk", verifierId: "clerk2", approverIds: ["auditor"] },
      { itemId: "c", makerId: "clerk", verifierId: "clerk2", approverIds: ["supervisor"] },
      { itemId: "d", makerId: "clerk", verifierId: "clerk2", approverIds: ["supervisor"] },
    ];
    const plan = assignSpotCheckItems(items, ["auditor", "auditor2"]);
    const byItem = Object.fromEntries(plan.assignments.map((a) => [a.itemId, a.auditorId]));
    expect(byItem).toEqual({ a: "auditor2", b: "auditor2", c: "auditor", d: "auditor" });
  });

  it("returns items nobody may take, saying who is conflicted and why", () => {
    const items: AssignableItem[] = [{ itemId: "x", makerId: "auditor", verifierId: "auditor2", approverIds: [] }];
    expect(assignSpotCheckItems(items, ["auditor", "auditor2"]).unassigned).toEqual([
      { itemId: "x", reason: "ALL_AUDITORS_CONFLICTED", conflicts: [{ auditorId: "auditor", roles: ["maker"] }, { auditorId: "auditor2", roles: ["verifier"] }] },
    ]);
    expect(assignSpotCheckItems(items, []).unassigned).toEqual([{ itemId: "x", reason: "NO_AUDITORS", conflicts: [] }]);
  });

  it("property: never assigns an item to its maker, verifier or approver; every item is placed or explained", () => {
    fc.assert(
      fc.property(itemsArbitrary(30), auditorsArbitrary, (items, auditors) => {
        const plan = assignSpotCheckItems(items, auditors);
        const byId = new Map(items.map((i) => [i.itemId, i]));
        for (const { itemId, auditorId } of plan.assignments) {
          const item = byId.get(itemId)!;
          expect(auditors).toContain(auditorId);
          expect(auditorId).not.toBe(item.makerId);
          expect(auditorId).not.toBe(item.verifierId);
          expect(item.approverIds).not.toContain(auditorId);
        }
        for (const { itemId } of plan.unassigned) expect(auditors.every((a) => !mayCheck(byId.get(itemId)!, a))).toBe(true);
        const placed = [...plan.assignments.map((a) => a.itemId), ...plan.unassigned.map((u) => u.itemId)].sort();
        expect(placed).toEqual(items.map((i) => i.itemId).sort());
        expect(plan.loads.reduce((sum, l) => sum + l.itemCount, 0)).toBe(plan.assignments.length);
      }),
      { numRuns: 300 },
    );
  });

  it("property: loads are as even as the exclusions allow (checked against every possible assignment)", () => {
    fc.assert(
      fc.property(itemsArbitrary(7), fc.uniqueArray(person, { minLength: 1, maxLength: 3 }), (items, auditors) => {
        const plan = assignSpotCheckItems(items, auditors);
        const loads = plan.loads.map((l) => l.itemCount);
        const best = bruteForceBest(items, auditors);
        expect(sumOfSquares(loads)).toBe(best.squares);
        expect(Math.max(...loads) - Math.min(...loads)).toBe(best.spread);
        if (best.spread <= 1) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it("property: without conflicts, loads differ by at most one", () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 9 }), (count, auditorCount) => {
        const items = Array.from({ length: count }, (_, i): AssignableItem => ({ itemId: `i${i}`, makerId: "clerk", verifierId: null, approverIds: [] }));
        const loads = assignSpotCheckItems(items, Array.from({ length: auditorCount }, (_, a) => `auditor${a}`)).loads.map((l) => l.itemCount);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
