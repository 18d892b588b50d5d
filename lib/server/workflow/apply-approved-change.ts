import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UseCaseError } from "@/lib/server/errors";
import type { LoadedRequest } from "./load-for-decision";
import { accountDiffers } from "./account-change";
import { bindTerminals, merchantColumns } from "./master-record";
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
  // A change of details leaves the status alone: a suspended merchant stays suspended.
  const status = current.status === "ONBOARDING" ? "ACTIVE" : current.status;
  const { count } = await tx.merchant.updateMany({
    where: { id: current.id, version: current.version },
    data: { version, merchantNo, status, onboardedAt: current.onboardedAt ?? now, ...merchantColumns(m) },
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

  const { boundElsewhere } = await bindTerminals(tx, current.id, terminals, request.id, now);
  // Submission refused terminals bound elsewhere; one bound since then must not be taken over.
  if (boundElsewhere.length) throw new UseCaseError("CONFLICT", { _form: ["validation.decision.terminalBoundElsewhere"] }, { terminals: boundElsewhere.join(", ") });

  await tx.merchantVersion.create({
    data: { merchantId: current.id, version, changeRequestId: request.id, approvedById: approver.id, approvedAt: now, snapshot: snapshotOf({ merchantNo, status, ...m }, a, terminals) },
  });
  return { merchantVersion: version, accountPending: accountChanged && !!inForce };
}
