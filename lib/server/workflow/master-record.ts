import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";

/** The merchant row's columns for a sealed proposal's merchant part. */
export function merchantColumns(m: TSealedProposal["merchant"]) {
  return {
    type: m.type, legalName: m.legalName, receiptName: m.receiptName, creditCode: m.creditCode || null, legalRepName: m.legalRepName,
    legalRepIdEnc: m.legalRepIdEnc, legalRepIdHash: m.legalRepIdHash, legalRepIdLast4: m.legalRepIdLast4,
    phone: m.phone, mcc: m.mcc, divisionCode: m.divisionCode, street: m.street,
  };
}

/**
 * Ends the bindings of terminals no longer wanted and binds the new ones from `now`. A terminal
 * meanwhile bound to another merchant is left there and reported, never taken back silently.
 */
export async function bindTerminals(tx: Prisma.TransactionClient, merchantId: string, terminals: TSealedProposal["terminals"], changeRequestId: string, now: Date) {
  const bound = await tx.terminalBinding.findMany({ where: { merchantId, boundTo: null } });
  const wanted = new Set(terminals.map((t) => t.terminalId));
  for (const binding of bound.filter((b) => !wanted.has(b.terminalId))) {
    await tx.terminalBinding.update({ where: { id: binding.id }, data: { boundTo: now } });
  }
  const already = new Set(bound.map((b) => b.terminalId));
  const elsewhere: string[] = [];
  for (const t of terminals.filter((t) => !already.has(t.terminalId))) {
    const taken = await tx.terminalBinding.findFirst({ where: { boundTo: null, OR: [{ terminalId: t.terminalId }, { serialNo: t.serialNo }] }, select: { id: true } });
    if (taken) {
      elsewhere.push(t.terminalId);
      continue;
    }
    await tx.terminalBinding.create({ data: { id: crypto.randomUUID(), terminalId: t.terminalId, serialNo: t.serialNo, installAddress: t.installAddress, merchantId, boundFrom: now, changeRequestId } });
  }
  return { boundElsewhere: elsewhere };
}
