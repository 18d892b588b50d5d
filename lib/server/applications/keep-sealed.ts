import "server-only";
import { makeKeepSealedApplicationSchema, ZMerchantApplicationSchema, type TMerchantApplication, type TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { isKeptBlank, SEALED_FIELD_PATH, SEALED_FIELDS, type TSealedField } from "@/lib/domain/merchant/sealed-fields";
import { decryptSensitive } from "@/lib/server/crypto/sensitive";
import { fieldErrorsOf, UseCaseError, type FieldErrors } from "@/lib/server/errors";
import type { TSealedProposal } from "./seal-application";

/** Editing stored data: the stored proposal whose sealed numbers a blank field keeps, and the fields that may not stay blank. */
export type TKeepSealed = { keep: TSealedProposal; mustRetype?: readonly TSealedField[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The application with every blank sealed number replaced by the one on file, opened here on the server. */
function withKeptValues(typed: TMerchantApplicationInput, keep: TSealedProposal): TMerchantApplicationInput {
  return {
    ...typed,
    merchant: { ...typed.merchant, legalRepId: isKeptBlank(typed.merchant.legalRepId) ? decryptSensitive("resident-id", keep.merchant.legalRepIdEnc) : typed.merchant.legalRepId },
    account: { ...typed.account, accountNo: isKeptBlank(typed.account.accountNo) ? decryptSensitive("account-no", keep.account.accountNoEnc) : typed.account.accountNo },
  };
}

/**
 * Parses an edit of stored data. The form's own rules (the keep-sealed schema the browser ran,
 * "must re-type" included) and the plain schema on the application with the kept numbers filled
 * in are both judged, so every error comes back at once. A kept number the rest of the
 * application no longer fits (say, a corporate account on what is now a personal card) is
 * reported at its blank field as such.
 */
export function parseKeepingSealed(data: unknown, { keep, mustRetype = [] }: TKeepSealed): TMerchantApplication {
  const asTyped = makeKeepSealedApplicationSchema(mustRetype).safeParse(data);
  const errors: FieldErrors = asTyped.success ? {} : fieldErrorsOf(asTyped.error);
  if (!isRecord(data) || !isRecord(data.merchant) || !isRecord(data.account)) throw new UseCaseError("VALIDATION", errors);
  const typed = data as TMerchantApplicationInput;
  const filled = ZMerchantApplicationSchema.safeParse(withKeptValues(typed, keep));
  if (filled.success && asTyped.success) return filled.data;

  const keptPaths = new Set<string>(SEALED_FIELDS.filter((f) => isKeptBlank(f === "accountNo" ? typed.account.accountNo : typed.merchant.legalRepId)).map((f) => SEALED_FIELD_PATH[f]));
  for (const [path, messages] of Object.entries(filled.success ? {} : fieldErrorsOf(filled.error))) {
    const said = keptPaths.has(path) ? ["validation.sealed.keptInvalid", ...messages] : messages;
    errors[path] = [...new Set([...(errors[path] ?? []), ...said])];
  }
  throw new UseCaseError("VALIDATION", errors);
}
