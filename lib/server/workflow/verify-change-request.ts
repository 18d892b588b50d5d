import "server-only";
import crypto from "node:crypto";
import { checkField, normalizeName } from "@/lib/domain/validation";
import { ZBlindVerificationSchema, type TVerifiedField } from "@/lib/domain/workflow/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { blindIndex } from "@/lib/server/crypto/sensitive";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError, type FieldErrors } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadForDecision, moveRequest } from "./load-for-decision";

/**
 * Blind second-person verification. The verifier's values are normalised and compared on the
 * server; the answer names only which fields differ, never the maker's values. A mismatch sends
 * the request back to its maker; after correction it needs a fresh verification.
 */
export async function verifyChangeRequest({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "change:verify");
  const data = parseInput(ZBlindVerificationSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    // Who may verify is settled before anything typed is looked at: the maker gets SEGREGATION, not field errors.
    const { request: peek, to: matchedTo } = await loadForDecision(tx, actor, "verify-match", data);
    const sealed = peek.proposal as unknown as { account: { accountType: string; accountName: string; cnaps: string; accountNoWarnings?: string[] } };
    const errors: FieldErrors = {};
    const credit: { ok: boolean; normalized?: string; code?: string } = peek.creditCode ? checkField("uscc", data.creditCode) : { ok: true, normalized: "" };
    if (!credit.ok) errors.creditCode = [`field.${credit.code}`];
    const account = checkField(sealed.account.accountType === "PERSONAL" ? "bankCard" : "corporateAccount", data.accountNo);
    if (!account.ok) errors.accountNo = [`field.${account.code}`];
    const cnaps = checkField("cnaps", data.cnaps);
    if (!cnaps.ok) errors.cnaps = [`field.${cnaps.code}`];
    const accountName = normalizeName(data.accountName);
    if (!accountName) errors.accountName = ["validation.required"];
    if (sealed.account.accountNoWarnings?.includes("LUHN_CHECK") && !data.acknowledgeWarnings) errors.acknowledgeWarnings = ["validation.verify.acknowledgeLuhn"];
    if (Object.keys(errors).length) throw new UseCaseError("VALIDATION", errors);

    const matches: Record<TVerifiedField, boolean> = {
      creditCode: !peek.creditCode || credit.normalized === peek.creditCode,
      accountName: accountName === sealed.account.accountName,
      accountNo: blindIndex("account-no", account.normalized!) === peek.accountNoHash,
      cnaps: cnaps.normalized === sealed.account.cnaps,
    };
    const mismatched = (Object.keys(matches) as TVerifiedField[]).filter((f) => !matches[f]);
    const request = peek;
    const to = mismatched.length ? "RETURNED" : matchedTo;
    await moveRequest(tx, request, { status: to, verifierId: mismatched.length ? null : actor.id, mismatchedFields: mismatched });
    await tx.verification.create({ data: { id: crypto.randomUUID(), changeRequestId: request.id, verifierId: actor.id, matched: mismatched.length === 0, fields: matches } });
    await recordAuditEvent(tx, { action: "change.verified", entity: "change-request", entityId: request.id, after: { matched: mismatched.length === 0, mismatchedFields: mismatched, status: to } }, actor, requestMeta);
    return { matched: mismatched.length === 0, mismatchedFields: mismatched, status: to };
  });
}
