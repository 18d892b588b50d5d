import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { decryptSensitive } from "@/lib/server/crypto/sensitive";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";

export const ZUnmaskSchema = z.strictObject({
  receivingAccountId: z.string().min(1).max(64),
  reason: z.string().trim().min(5, { error: "validation.unmask.reason" }).max(500, { error: "validation.tooLong" }),
});

/** A full account number costs a typed reason and an audit event, written before the value is returned. */
export async function unmaskAccountNumber({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "account:unmask");
  const { receivingAccountId, reason } = parseInput(ZUnmaskSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const account = await tx.receivingAccount.findUnique({ where: { id: receivingAccountId } });
    if (!account) throw new UseCaseError("NOT_FOUND");
    await recordAuditEvent(tx, { action: "sensitive.unmasked", entity: "receiving-account", entityId: account.id, after: { merchantId: account.merchantId, field: "accountNo", last4: account.accountLast4, reason } }, actor, requestMeta);
    return { accountNo: decryptSensitive("account-no", account.accountNoEnc) };
  });
}
