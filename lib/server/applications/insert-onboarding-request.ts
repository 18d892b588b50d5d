import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TMerchantApplication } from "@/lib/domain/merchant/application-schema";
import type { TSealedProposal } from "./seal-application";

export type OnboardingRequestRow = {
  id: string;
  reference: string;
  merchantId: string;
  makerId: string;
  submittedAt: Date;
  findings: unknown;
  riskFlags: unknown;
  highRisk: boolean;
};

/**
 * The ONBOARDING merchant and its change request in one statement. This is the submission's hot
 * path (bench/submissions.ts): a model `create` of this wide row costs several times the SQL, so
 * the columns are written here, beside `requestColumns`, which the other writers use.
 */
export async function insertOnboardingRequest(tx: Prisma.TransactionClient, row: OnboardingRequestRow, app: TMerchantApplication, proposal: TSealedProposal) {
  const at = row.submittedAt.toISOString();
  const m = app.merchant;
  await tx.$executeRaw`
    WITH merchant AS (
      INSERT INTO "Merchant" ("id", "status", "version", "createdAt", "updatedAt")
      VALUES (${row.merchantId}, 'ONBOARDING', 0, ${at}::timestamp(3), ${at}::timestamp(3)) RETURNING "id")
    INSERT INTO "ChangeRequest" ("id", "reference", "kind", "merchantId", "openMerchantId", "status", "makerId", "baseVersion",
      "proposal", "creditCode", "legalName", "accountNoHash", "accountLast4", "phone", "mcc", "divisionCode", "merchantType",
      "terminalIds", "serialNos", "findings", "riskFlags", "highRisk", "mismatchedFields", "submittedAt", "updatedAt")
    SELECT ${row.id}, ${row.reference}, 'ONBOARD', merchant."id", merchant."id", 'AWAITING_VERIFICATION', ${row.makerId}, 0,
      ${JSON.stringify(proposal)}::jsonb, ${m.creditCode || null}, ${m.legalName}, ${proposal.account.accountNoHash}, ${proposal.account.accountLast4},
      ${m.phone}, ${m.mcc}, ${m.divisionCode}, ${m.type}::"MerchantType",
      ${app.terminals.map((t) => t.terminalId)}::text[], ${app.terminals.map((t) => t.serialNo)}::text[],
      ${JSON.stringify(row.findings)}::jsonb, ${JSON.stringify(row.riskFlags)}::jsonb, ${row.highRisk}, '{}'::text[],
      ${at}::timestamp(3), ${at}::timestamp(3)
    FROM merchant`;
}
