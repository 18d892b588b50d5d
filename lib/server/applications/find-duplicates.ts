import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type DuplicateFindings = {
  /** Refusals: the field and an i18n key. */
  errors: Record<string, string[]>;
  /** For the reviewer: e.g. the account already receives for another merchant. */
  findings: { code: string; field: string; otherMerchant: string }[];
};

const OPEN: Prisma.ChangeRequestWhereInput = { openMerchantId: { not: null } };

/**
 * Duplicate checks at entry, against approved records and requests still in flight. Runs inside the
 * submitting transaction; the unique indexes stay the final word under concurrency.
 */
export async function findDuplicates(
  tx: Prisma.TransactionClient,
  input: { merchantId?: string; creditCode: string | null; accountNoHash: string; terminalIds: string[]; serialNos: string[] },
): Promise<DuplicateFindings> {
  const errors: Record<string, string[]> = {};
  const findings: DuplicateFindings["findings"] = [];
  const notSelf = input.merchantId ? { not: input.merchantId } : undefined;

  if (input.creditCode) {
    const registered = await tx.merchant.findFirst({ where: { creditCode: input.creditCode, id: notSelf } });
    const pending = await tx.changeRequest.findFirst({ where: { ...OPEN, creditCode: input.creditCode, merchantId: notSelf } });
    if (registered) errors["merchant.creditCode"] = ["validation.duplicate.creditCodeRegistered"];
    else if (pending) errors["merchant.creditCode"] = ["validation.duplicate.creditCodePending"];
  }

  const sameAccount = await tx.receivingAccount.findMany({
    where: { accountNoHash: input.accountNoHash, status: { in: ["IN_FORCE", "PENDING_CONFIRMATION"] }, merchantId: notSelf },
    select: { merchant: { select: { legalName: true } } },
    take: 5,
  });
  const sameAccountPending = await tx.changeRequest.findMany({ where: { ...OPEN, accountNoHash: input.accountNoHash, merchantId: notSelf }, select: { legalName: true }, take: 5 });
  for (const other of [...sameAccount.map((a) => a.merchant.legalName ?? ""), ...sameAccountPending.map((r) => r.legalName)]) {
    findings.push({ code: "ACCOUNT_USED_BY_OTHER_MERCHANT", field: "account.accountNo", otherMerchant: other });
  }

  const boundTerminals = await tx.terminalBinding.findMany({
    where: { boundTo: null, merchantId: notSelf, OR: [{ terminalId: { in: input.terminalIds } }, { serialNo: { in: input.serialNos } }] },
    select: { terminalId: true, serialNo: true },
  });
  const pendingTerminals = await tx.changeRequest.findMany({
    where: { ...OPEN, merchantId: notSelf, OR: [{ terminalIds: { hasSome: input.terminalIds } }, { serialNos: { hasSome: input.serialNos } }] },
    select: { terminalIds: true, serialNos: true },
  });
  const takenIds = new Set([...boundTerminals.map((b) => b.terminalId), ...pendingTerminals.flatMap((p) => p.terminalIds)]);
  const takenSerials = new Set([...boundTerminals.map((b) => b.serialNo), ...pendingTerminals.flatMap((p) => p.serialNos)]);
  input.terminalIds.forEach((id, i) => {
    if (takenIds.has(id)) errors[`terminals.${i}.terminalId`] = ["validation.duplicate.terminalBound"];
  });
  input.serialNos.forEach((sn, i) => {
    if (takenSerials.has(sn)) errors[`terminals.${i}.serialNo`] = ["validation.duplicate.serialBound"];
  });
  return { errors, findings };
}
