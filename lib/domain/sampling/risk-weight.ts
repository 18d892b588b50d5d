/**
 * A record's weight for a risk-weighted spot-check: the sum of its risk flags by severity
 * (DOMAIN.md §5, lib/domain/risk). A record without flags weighs 0 and is lifted to
 * UNFLAGGED_RECORD_WEIGHT (pass it as the draw's `zeroWeightFloor`), so it can still be drawn,
 * half as often as a record with one low flag. A fixed floor rather than the draw's default
 * (half the smallest weight present) keeps an unflagged record's chance independent of which
 * flags happen to be in the population. The 9 : 3 : 1 scale makes one high flag count like three
 * medium ones; both are defaults, not rules from the spec.
 */
import type { RiskSeverity } from "@/lib/domain/risk";

export const RISK_SEVERITY_WEIGHTS: Readonly<Record<RiskSeverity, number>> = { high: 9, medium: 3, low: 1 };

export const UNFLAGGED_RECORD_WEIGHT = 0.5;

export function riskWeightOfFlags(flags: readonly { severity: RiskSeverity }[], weights = RISK_SEVERITY_WEIGHTS): number {
  return flags.reduce((sum, flag) => sum + weights[flag.severity], 0);
}
