import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WatchListKind } from "@/lib/domain/risk";
import type { TSealedProposal } from "./seal-application";

/** What a proposal is matched against: blind indexes for sensitive numbers, plain values otherwise. */
export type RelatedRecordsQuery = {
  /** The merchant the proposal is for; its own records never count as duplicates. */
  merchantId?: string;
  creditCode: string | null;
  accountNoHash: string;
  terminalIds: string[];
  serialNos: string[];
  phone?: string;
  legalRepIdHash?: string;
  mcc?: string;
  bankCode?: string;
};

export type RelatedMerchant = { merchantId: string; name: string | null; source: "approved" | "open" };

/** Other merchants' records that share something with a proposal, approved or in an open request. */
export type RelatedRecords = {
  creditCodeRegistered: boolean;
  creditCodePending: boolean;
  accountHolders: RelatedMerchant[];
  boundTerminals: { terminalId: string; serialNo: string }[];
  pendingTerminals: { terminalIds: string[]; serialNos: string[] }[];
  phoneHolders: (RelatedMerchant & { legalRepIdHash: string | null })[];
  watchListHits: WatchListKind[];
  mccRiskLevel: number | null;
  /** Null when the MCC is not in the table. */
  mccActive: boolean | null;
  bankKnown: boolean;
  /** The Setting rows as { key: value }, read in the same snapshot as the rest. */
  settings: Record<string, unknown> | null;
};

/** What a sealed proposal is matched on, for `findRelatedRecords`. */
export function relatedRecordsQuery(merchantId: string, proposal: TSealedProposal): RelatedRecordsQuery {
  return {
    merchantId,
    creditCode: proposal.merchant.creditCode || null,
    accountNoHash: proposal.account.accountNoHash,
    terminalIds: proposal.terminals.map((t) => t.terminalId),
    serialNos: proposal.terminals.map((t) => t.serialNo),
    phone: proposal.merchant.phone,
    legalRepIdHash: proposal.merchant.legalRepIdHash,
    mcc: proposal.merchant.mcc,
    bankCode: proposal.account.bankCode,
  };
}

/** Rows kept per kind: enough for evidence and any sane threshold (settings cap at 20). */
const MAX_ROWS = 100;

/**
 * Every reference-table check, duplicate check, risk lookup and setting a submission needs, in one
 * statement. A submission's cost is
 * dominated by per-statement overhead, not by these indexed lookups (bench/submissions.ts), so one
 * round trip replaces thirteen. Runs inside the caller's transaction when given one.
 */
export async function findRelatedRecords(db: Prisma.TransactionClient, q: RelatedRecordsQuery): Promise<RelatedRecords> {
  const self = q.merchantId ?? null;
  const { terminalIds, serialNos } = q;
  const [row] = await db.$queryRaw<RelatedRecords[]>(Prisma.sql`
    SELECT
      EXISTS (SELECT 1 FROM "Merchant" WHERE "creditCode" = ${q.creditCode} AND id IS DISTINCT FROM ${self}) AS "creditCodeRegistered",
      EXISTS (SELECT 1 FROM "ChangeRequest" WHERE "openMerchantId" IS NOT NULL AND "creditCode" = ${q.creditCode}
              AND "merchantId" IS DISTINCT FROM ${self}) AS "creditCodePending",
      COALESCE((SELECT json_agg(h) FROM (
        (SELECT a."merchantId", m."legalName" AS name, 'approved' AS source
           FROM "ReceivingAccount" a JOIN "Merchant" m ON m.id = a."merchantId"
          WHERE a."accountNoHash" = ${q.accountNoHash} AND a.status IN ('IN_FORCE', 'PENDING_CONFIRMATION')
            AND a."merchantId" IS DISTINCT FROM ${self} LIMIT ${MAX_ROWS})
        UNION ALL
        (SELECT "merchantId", "legalName", 'open' FROM "ChangeRequest"
          WHERE "openMerchantId" IS NOT NULL AND "accountNoHash" = ${q.accountNoHash}
            AND "merchantId" IS DISTINCT FROM ${self} LIMIT ${MAX_ROWS})) h), '[]'::json) AS "accountHolders",
      COALESCE((SELECT json_agg(t) FROM (
        SELECT "terminalId", "serialNo" FROM "TerminalBinding"
         WHERE "boundTo" IS NULL AND "merchantId" IS DISTINCT FROM ${self}
           AND ("terminalId" = ANY(${terminalIds}::text[]) OR "serialNo" = ANY(${serialNos}::text[]))) t), '[]'::json) AS "boundTerminals",
      COALESCE((SELECT json_agg(t) FROM (
        SELECT "terminalIds", "serialNos" FROM "ChangeRequest"
         WHERE "openMerchantId" IS NOT NULL AND "merchantId" IS DISTINCT FROM ${self}
           AND ("terminalIds" && ${terminalIds}::text[] OR "serialNos" && ${serialNos}::text[])) t), '[]'::json) AS "pendingTerminals",
      COALESCE((SELECT json_agg(p) FROM (
        (SELECT id AS "merchantId", "legalName" AS name, 'approved' AS source, "legalRepIdHash" FROM "Merchant"
          WHERE phone = ${q.phone ?? null} AND id IS DISTINCT FROM ${self} LIMIT ${MAX_ROWS})
        UNION ALL
        (SELECT "merchantId", "legalName", 'open', proposal #>> '{merchant,legalRepIdHash}' FROM "ChangeRequest"
          WHERE "openMerchantId" IS NOT NULL AND phone = ${q.phone ?? null}
            AND "merchantId" IS DISTINCT FROM ${self} LIMIT ${MAX_ROWS})) p), '[]'::json) AS "phoneHolders",
      ARRAY(SELECT DISTINCT kind::text FROM "WatchListEntry"
             WHERE (kind = 'ACCOUNT_NO' AND "valueHash" = ${q.accountNoHash})
                OR (kind = 'RESIDENT_ID' AND "valueHash" = ${q.legalRepIdHash ?? null})
                OR (kind = 'CREDIT_CODE' AND "valueHash" = ${q.creditCode})) AS "watchListHits",
      (SELECT "riskLevel" FROM "Mcc" WHERE code = ${q.mcc ?? null}) AS "mccRiskLevel",
      (SELECT active FROM "Mcc" WHERE code = ${q.mcc ?? null}) AS "mccActive",
      EXISTS (SELECT 1 FROM "BankCategory" WHERE code = ${q.bankCode ?? null}) AS "bankKnown",
      (SELECT json_object_agg(key, value) FROM "Setting") AS "settings"`);
  if (!row) throw new Error("related-records query returned no row");
  return row;
}
