import "server-only";
import type { TApplicationDraftData } from "@/lib/domain/merchant/draft-schema";
import { decryptSensitive, encryptSensitive } from "@/lib/server/crypto/sensitive";

type StoredDraft = TApplicationDraftData & { sealed?: { legalRepId?: string; accountNo?: string } };

/** Drafts hold what the clerk typed; the two sensitive numbers are sealed like master data. */
export function sealDraft(data: TApplicationDraftData): StoredDraft {
  const sealed: StoredDraft["sealed"] = {};
  if (data.merchant.legalRepId) sealed.legalRepId = encryptSensitive("resident-id", data.merchant.legalRepId);
  if (data.account.accountNo) sealed.accountNo = encryptSensitive("account-no", data.account.accountNo);
  return { ...data, merchant: { ...data.merchant, legalRepId: "" }, account: { ...data.account, accountNo: "" }, sealed };
}

export function openDraft(stored: unknown): TApplicationDraftData {
  const { sealed, ...data } = stored as StoredDraft;
  return {
    ...data,
    merchant: { ...data.merchant, legalRepId: sealed?.legalRepId ? decryptSensitive("resident-id", sealed.legalRepId) : "" },
    account: { ...data.account, accountNo: sealed?.accountNo ? decryptSensitive("account-no", sealed.accountNo) : "" },
  };
}
