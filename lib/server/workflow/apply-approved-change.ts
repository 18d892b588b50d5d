import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UseCaseError } from "@/lib/server/errors";
import type { LoadedRequest } from "./load-for-decision";
import { accountDiffers } from "./account-change";
import { nextMerchantNo } from "./merchant-number";
import { snapshotOf } from "./merchant-snapshot";

/**
 * Writes an approved request into the master record as a new version, in the approver's
 * transaction. The merchant must still be at the version the request was made against. A new
 * receiving account on an existing merchant waits for confirmation; the old one stays in force.
 */
export async function applyApprovedChange(
  tx: Prisma.TransactionClient,
  request: LoadedRequest,
  approver: { id: string },
  options: { acquirerCode: string; now: Date },
) {
  const { now } = options;
  const { merchant: m, account: a, terminals } = request.sealed;
  const current = await tx.merchant.findUniqueOrThrow({ where: { id: request.merchantId } });
  if (current.version !== request.baseVersion) throw new UseCaseError("CONFLICT", { _form: ["validation.decision.merchantChanged"] });
  const version = current.version + 1;
  const merchantNo = current.merchantNo ?? (await nextMerchantNo(tx, options.acquirerCode, m.divisionCode, m.mcc));
  const { count } = await tx.merchant.updateMany({
    where: { id: current.id, version: current.version },
    data: {
      version, merchantNo, status: current.status === "ONBOARDING" ? "ACTIVE" : current.status, onboardedAt: current.onboardedAt ?? now,
      type: m.type, legalName: m.legalName, receiptName: m.receiptName, creditCode: m.creditCode || null, legalRepName: m.legalRepName,
      legalRepIdEnc: m.legalRepIdEnc, legalRepIdHash: m.legalRepIdHash, legalRepIdLast4: m.legalRepIdLast4,
      phone: m.phone, mcc: m.mcc, divisionCode: m.divisionCode, street: m.street,
    },
  });
  if (count !== 1) throw new UseCaseError("CONFLICT");
  // Spot checks drawn on an earlier version no longer describe the record in force.
  await tx.spotCheckItem.updateMany({ where: { merchantId: current.id, stale: false }, data: { stale: true, version: { increment: 1 } } });

  const inForce = await tx.receivingAccount.findFirst({ where: { merchantId: current.id, status: "IN_FORCE" } });
  const accountChanged = !inForce || accountDiffers(inForce, a);
  if (accountChanged) {
    await tx.receivingAccount.create({
      data: {
        id: crypto.randomUUID(), merchantId: current.id, merchantVersion: version, changeRequestId: request.id,
        accountType: a.accountType, accountName: a.accountName, accountNoEnc: a.accountNoEnc, accountNoHash: a.accountNoHash, accountLast4: a.accountLast4,
        bankCode: a.bankCode, branchName: a.branchName, cnaps: a.cnaps,
        thirdPartyAuthRef: a.thirdPartyAuthRef || null, thirdPartyAuthDate: a.thirdPartyAuthDate ? new Date(`${a.thirdPartyAuthDate}T00:00:00+08:00`) : null,
        // A first account has nothing to protect; a replacement waits for out-of-band confirmation.
        status: inForce ? "PENDING_CONFIRMATION" : "IN_FORCE",
        effectiveFrom: inForce ? null : now,
      },
    });
  }

  const bound = await tx.terminalBinding.findMany({ where: { merchantId: current.id, boundTo: null } });
  const wanted = new Set(terminals.map((t) => t.terminalId));
  for (const binding of bound.filter((b) => !wanted.has(b.terminalId))) {
    await tx.terminalBinding.update({ where: { id: binding.id }, data: { boundTo: now } });
  }
  const already = new Set(bound.map((b) => b.terminalId));
  for (const t of terminals.filter((t) => !already.has(t.terminalId))) {
    await tx.terminalBinding.create({ data: { id: crypto.randomUUID(), terminalId: t.terminalId, serialNo: t.serialNo, installAddress: t.installAddress, merchantId: current.id, boundFrom: now, changeRequestId: request.id } });
  }

  await tx.merchantVersion.create({
    data: { merchantId: current.id, version, changeRequestId: request.id, approvedById: approver.id, approvedAt: now, snapshot: snapshotOf({ merchantNo, ...m }, a, terminals) },
  });
  return { merchantVersion: version, accountPending: accountChanged && !!inForce };
}
