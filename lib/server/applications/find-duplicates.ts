import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findRelatedRecords, type RelatedRecords, type RelatedRecordsQuery } from "./related-records";

export type DuplicateFindings = {
  /** Refusals: the field and an i18n key. */
  errors: Record<string, string[]>;
  /** For the reviewer: e.g. the account already receives for another merchant. */
  findings: { code: string; field: string; otherMerchant: string }[];
};

/** Other merchants named in the findings; the risk flags carry the full evidence. */
const MAX_FINDINGS = 10;

/** The refusals and reviewer findings in a proposal's related records. */
export function duplicatesIn(related: RelatedRecords, query: Pick<RelatedRecordsQuery, "terminalIds" | "serialNos">): DuplicateFindings {
  const errors: Record<string, string[]> = {};
  if (related.creditCodeRegistered) errors["merchant.creditCode"] = ["validation.duplicate.creditCodeRegistered"];
  else if (related.creditCodePending) errors["merchant.creditCode"] = ["validation.duplicate.creditCodePending"];

  const findings = related.accountHolders
    .slice(0, MAX_FINDINGS)
    .map((holder) => ({ code: "ACCOUNT_USED_BY_OTHER_MERCHANT", field: "account.accountNo", otherMerchant: holder.name ?? "" }));

  const takenIds = new Set([...related.boundTerminals.map((b) => b.terminalId), ...related.pendingTerminals.flatMap((p) => p.terminalIds)]);
  const takenSerials = new Set([...related.boundTerminals.map((b) => b.serialNo), ...related.pendingTerminals.flatMap((p) => p.serialNos)]);
  query.terminalIds.forEach((id, i) => {
    if (takenIds.has(id)) errors[`terminals.${i}.terminalId`] = ["validation.duplicate.terminalBound"];
  });
  query.serialNos.forEach((sn, i) => {
    if (takenSerials.has(sn)) errors[`terminals.${i}.serialNo`] = ["validation.duplicate.serialBound"];
  });
  return { errors, findings };
}

/**
 * Duplicate checks at entry, against approved records and requests still in flight. Inside the
 * submitting transaction when given one; the unique indexes stay the final word under concurrency.
 */
export async function findDuplicates(tx: Prisma.TransactionClient, query: RelatedRecordsQuery): Promise<DuplicateFindings> {
  return duplicatesIn(await findRelatedRecords(tx, query), query);
}
