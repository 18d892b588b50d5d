import { describe, expect, it } from "vitest";
import { DEFAULT_COLLUSION_THRESHOLDS, findUnusualMakerCheckerPairs, type MakerCheckerCount } from "./collusion-pairs";

const approvals = (makerId: string, byApprover: Record<string, number>): MakerCheckerCount[] =>
  Object.entries(byApprover).map(([checkerId, count]) => ({ role: "approver", makerId, checkerId, count }));

/** P(X ≥ k), X ~ Binomial(n, p), by plain summation — independent of the log-space code. */
function tail(k: number, n: number, p: number) {
  let coefficient = 1; // C(n, 0)
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) coefficient = (coefficient * (n - i + 1)) / i;
    if (i >= k) sum += coefficient * p ** i * (1 - p) ** (n - i);
  }
  return sum;
}

describe("findUnusualMakerCheckerPairs", () => {
  // Four clerks, four supervisors. clerk's approvals go mostly to supervisor; the others spread evenly.
  const counts: MakerCheckerCount[] = [
    ...approvals("clerk", { supervisor: 32, supervisor2: 3, supervisor3: 3, supervisor4: 2 }),
    ...approvals("clerk2", { supervisor: 10, supervisor2: 10, supervisor3: 10, supervisor4: 10 }),
    ...approvals("clerk3", { supervisor: 10, supervisor2: 10, supervisor3: 10, supervisor4: 10 }),
    ...approvals("clerk4", { supervisor: 10, supervisor2: 10, supervisor3: 10, supervisor4: 10 }),
  ];
  const pairs = findUnusualMakerCheckerPairs(counts);
  const pair = (makerId: string, checkerId: string) => pairs.find((p) => p.makerId === makerId && p.checkerId === checkerId)!;

  it("flags the one pair far above chance, with the numbers behind it", () => {
    expect(pairs.filter((p) => p.flagged).map((p) => [p.makerId, p.checkerId])).toEqual([["clerk", "supervisor"]]);
    const flagged = pair("clerk", "supervisor");
    // supervisor approved 62 of all 160 approvals → share 0.3875; clerk had 40 approved → expected 15.5.
    expect(flagged).toMatchObject({ role: "approver", observed: 32, makerTotal: 40, checkerTotal: 62, eligibleTotal: 160 });
    expect(flagged.checkerShare).toBeCloseTo(0.3875, 12);
    expect(flagged.expected).toBeCloseTo(15.5, 12);
    expect(flagged.ratio).toBeCloseTo(32 / 15.5, 12);
    expect(flagged.pValue).toBeLessThan(DEFAULT_COLLUSION_THRESHOLDS.maxPValue);
    expect(flagged.pValue / tail(32, 40, 0.3875)).toBeCloseTo(1, 9);
    expect(pairs[0]).toBe(flagged);
  });

  it("does not flag the ordinary pairs, including the same supervisor with other clerks", () => {
    const ordinary = pair("clerk2", "supervisor");
    expect(ordinary.flagged).toBe(false);
    expect(ordinary.expected).toBeCloseTo(15.5, 12);
    expect(ordinary.ratio).toBeLessThan(1);
    expect(ordinary.pValue).toBeGreaterThan(0.9);
  });

  it("needs all three: a small count at a high ratio is not flagged, nor a significant but modest excess", () => {
    // 5 of 8 to a checker with a 17.5 % share (7 of 40 approvals): ratio 3.6, but P(X ≥ 5) ≈ 0.006.
    const small = findUnusualMakerCheckerPairs([
      ...approvals("clerk", { supervisor: 5, supervisor2: 3 }),
      ...approvals("clerk2", { supervisor: 2, supervisor2: 18, supervisor3: 10, supervisor4: 2 }),
    ]).find((p) => p.makerId === "clerk" && p.checkerId === "supervisor")!;
    expect(small.ratio).toBeGreaterThan(2);
    expect(small.pValue).toBeGreaterThan(0.001);
    expect(small.flagged).toBe(false);

    // 700 of 1,000 where 500 were expected: p is astronomically small but the ratio is 1.4.
    const modest = findUnusualMakerCheckerPairs([
      ...approvals("clerk", { supervisor: 700, supervisor2: 300 }),
      ...approvals("clerk2", { supervisor: 300, supervisor2: 700 }),
    ]).find((p) => p.makerId === "clerk" && p.checkerId === "supervisor")!;
    expect(modest.pValue).toBeLessThan(1e-20);
    expect(modest.ratio).toBeCloseTo(1.4, 12);
    expect(modest.flagged).toBe(false);
  });

  it("leaves the maker out of the pool of possible verifiers", () => {
    // Three clerks verifying each other evenly: each of clerk's checks could only go to clerk2 or clerk3.
    const verifications: MakerCheckerCount[] = [
      { role: "verifier", makerId: "clerk", checkerId: "clerk2", count: 20 },
      { role: "verifier", makerId: "clerk", checkerId: "clerk3", count: 20 },
      { role: "verifier", makerId: "clerk2", checkerId: "clerk", count: 20 },
      { role: "verifier", makerId: "clerk2", checkerId: "clerk3", count: 20 },
      { role: "verifier", makerId: "clerk3", checkerId: "clerk", count: 20 },
      { role: "verifier", makerId: "clerk3", checkerId: "clerk2", count: 20 },
    ];
    for (const p of findUnusualMakerCheckerPairs(verifications)) {
      expect(p.eligibleTotal).toBe(80);
      expect(p.expected).toBeCloseTo(20, 12);
      expect(p.flagged).toBe(false);
    }
  });

  it("two clerks who can only verify each other are never suspicious", () => {
    const [a, b] = findUnusualMakerCheckerPairs([
      { role: "verifier", makerId: "clerk", checkerId: "clerk2", count: 50 },
      { role: "verifier", makerId: "clerk2", checkerId: "clerk", count: 3 },
    ]);
    expect(a!.checkerShare).toBe(1);
    expect(a!.pValue).toBe(1);
    expect(b!.flagged).toBe(false);
  });

  it("keeps roles apart, adds repeated rows and ignores self-checks and zero counts", () => {
    const rows = findUnusualMakerCheckerPairs([
      { role: "verifier", makerId: "clerk", checkerId: "clerk2", count: 4 },
      { role: "verifier", makerId: "clerk", checkerId: "clerk2", count: 6 },
      { role: "approver", makerId: "clerk", checkerId: "clerk2", count: 1 },
      { role: "approver", makerId: "clerk", checkerId: "clerk", count: 9 },
      { role: "approver", makerId: "clerk", checkerId: "supervisor", count: 0 },
    ]);
    expect(rows.map((r) => [r.role, r.checkerId, r.observed])).toEqual([
      ["approver", "clerk2", 1],
      ["verifier", "clerk2", 10],
    ]);
    expect(() => findUnusualMakerCheckerPairs([{ role: "verifier", makerId: "a", checkerId: "b", count: -1 }])).toThrow(RangeError);
  });

  it("thresholds can be tightened", () => {
    const strict = findUnusualMakerCheckerPairs(counts, { ...DEFAULT_COLLUSION_THRESHOLDS, minRatio: 2.5 });
    expect(strict.some((p) => p.flagged)).toBe(false);
  });
});
