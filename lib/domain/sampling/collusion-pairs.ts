/**
 * Maker–checker pairs that recur far more often than chance would have it (SPEC §3.11, issue 5
 * §6): a possible sign of collusion, shown on the dashboard with the numbers behind it.
 *
 * Chance model, per role (verifier, approver) and per maker m: each check of m's work goes to a
 * checker other than m with probability equal to that checker's share of all checks in the role
 * by people other than m. So for a pair (m, c):
 *     expected = (checks of m's work) × (checks by c) / (checks by everyone except m)
 * and the one-sided binomial tail P(X ≥ observed) says how surprising the observed count is.
 * A pair is flagged only when all three hold: the tail is tiny, the count is not trivially small,
 * and the pair is at least twice as frequent as expected — a busy pair in a big team can be
 * "significant" while being only slightly above chance.
 *
 * The checker's own total includes the pair under test, so a colluding pair inflates its own
 * expectation a little: the test errs towards not flagging. With many pairs some will pass
 * p < 0.001 by chance (about one per thousand pairs), which the count and ratio floors temper.
 */
import { binomialUpperTail } from "./distributions";

export type CheckerRole = "verifier" | "approver";

export type MakerCheckerCount = { role: CheckerRole; makerId: string; checkerId: string; count: number };

export type CollusionThresholds = {
  /** Flag only below this one-sided p-value. */
  maxPValue: number;
  /** …and only with at least this many checks by the pair. */
  minObserved: number;
  /** …and only when observed / expected is at least this. */
  minRatio: number;
};

export const DEFAULT_COLLUSION_THRESHOLDS: Readonly<CollusionThresholds> = { maxPValue: 0.001, minObserved: 5, minRatio: 2 };

export type MakerCheckerPair = {
  role: CheckerRole;
  makerId: string;
  checkerId: string;
  observed: number;
  /** Checks in this role of the maker's work, by anyone. */
  makerTotal: number;
  /** Checks in this role by the checker, of anyone's work. */
  checkerTotal: number;
  /** Checks in this role by everyone who may check the maker (all but the maker). */
  eligibleTotal: number;
  checkerShare: number;
  expected: number;
  ratio: number;
  /** P(X ≥ observed) for X ~ Binomial(makerTotal, checkerShare). */
  pValue: number;
  flagged: boolean;
};

const pairKey = (role: string, makerId: string, checkerId: string) => JSON.stringify([role, makerId, checkerId]);

function addTo(map: Map<string, number>, key: string, count: number) {
  map.set(key, (map.get(key) ?? 0) + count);
}

export function findUnusualMakerCheckerPairs(
  counts: readonly MakerCheckerCount[],
  thresholds: CollusionThresholds = DEFAULT_COLLUSION_THRESHOLDS,
): MakerCheckerPair[] {
  const observedByPair = new Map<string, number>();
  const pairs = new Map<string, { role: CheckerRole; makerId: string; checkerId: string }>();
  const makerTotals = new Map<string, number>();
  const checkerTotals = new Map<string, number>();
  const roleTotals = new Map<string, number>();

  for (const { role, makerId, checkerId, count } of counts) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count of ${makerId}/${checkerId} must be a whole number ≥ 0, got ${count}`);
    // The workflow never lets a maker check their own work; a row saying otherwise is not evidence of a pair.
    if (makerId === checkerId || count === 0) continue;
    const key = pairKey(role, makerId, checkerId);
    addTo(observedByPair, key, count);
    pairs.set(key, { role, makerId, checkerId });
    addTo(makerTotals, JSON.stringify([role, makerId]), count);
    addTo(checkerTotals, JSON.stringify([role, checkerId]), count);
    addTo(roleTotals, role, count);
  }

  const rows: MakerCheckerPair[] = [...pairs].map(([key, { role, makerId, checkerId }]) => {
    const observed = observedByPair.get(key)!;
    const makerTotal = makerTotals.get(JSON.stringify([role, makerId]))!;
    const checkerTotal = checkerTotals.get(JSON.stringify([role, checkerId]))!;
    const eligibleTotal = roleTotals.get(role)! - (checkerTotals.get(JSON.stringify([role, makerId])) ?? 0);
    const checkerShare = checkerTotal / eligibleTotal;
    const expected = makerTotal * checkerShare;
    const ratio = observed / expected;
    const pValue = binomialUpperTail(observed, makerTotal, Math.min(1, checkerShare));
    const flagged = pValue < thresholds.maxPValue && observed >= thresholds.minObserved && ratio >= thresholds.minRatio;
    return { role, makerId, checkerId, observed, makerTotal, checkerTotal, eligibleTotal, checkerShare, expected, ratio, pValue, flagged };
  });

  return rows.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      a.pValue - b.pValue ||
      b.ratio - a.ratio ||
      a.role.localeCompare(b.role) ||
      (a.makerId < b.makerId ? -1 : a.makerId > b.makerId ? 1 : 0) ||
      (a.checkerId < b.checkerId ? -1 : a.checkerId > b.checkerId ? 1 : 0),
  );
}
