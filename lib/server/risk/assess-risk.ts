import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evaluateRisk, type RiskAssessment } from "@/lib/domain/risk";
import { readSettings, settingsFrom } from "@/lib/server/settings/read-settings";
import { gatherRiskFacts, type RiskAssessmentInput } from "./gather-risk-facts";

export type { RiskAssessmentInput } from "./gather-risk-facts";

/**
 * Risk flags for a change request (SPEC.md §3.7), computed inside the caller's transaction with the
 * thresholds in force. Not a use case: the caller has authorised and stores the result on the
 * request (`riskFlags`, `highRisk`).
 */
export async function assessRisk(tx: Prisma.TransactionClient, input: RiskAssessmentInput, now: Date): Promise<RiskAssessment> {
  const facts = await gatherRiskFacts(tx, input, now);
  const settings = input.related ? settingsFrom(input.related.settings ?? {}) : await readSettings(tx);
  return evaluateRisk(facts, settings.risk);
}
