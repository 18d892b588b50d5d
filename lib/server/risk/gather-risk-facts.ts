import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContactChangeField, MccRiskLevel, RiskCardType, RiskFacts } from "@/lib/domain/risk";
import { checkField } from "@/lib/domain/validation";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";
import { findRelatedRecords, relatedRecordsQuery, type RelatedRecords } from "@/lib/server/applications/related-records";
import { lookupCardBin } from "@/lib/server/reference/lookup-card-bin";

const DAY_MS = 24 * 60 * 60 * 1000;
export type RiskAssessmentInput = {
  kind: "ONBOARD" | "UPDATE";
  /** The merchant the request is for (for ONBOARD, the new ONBOARDING merchant's id; it need not exist yet). */
  merchantId: string;
  proposal: TSealedProposal;
  /** Plaintext (normalised) account number: only used for the card BIN lookup of a personal account, never stored. */
  plainAccountNo: string;
  /** The approved values the UPDATE replaces; read from the master record when omitted. */
  previous?: { phone: string | null; legalRepIdHash: string | null; accountNoHash: string | null };
  /** Already looked up by the caller for its duplicate checks; read here when omitted. */
  related?: RelatedRecords;
  /** The BIN table's verdict on a personal account, when the caller has looked it up already. */
  cardType?: RiskCardType | null;
};

/** Merchant names keyed by merchant id, so a merchant found twice (approved and in an open request) counts once. */
function namesByMerchant(rows: { merchantId: string; name: string | null }[]): string[] {
  const byId = new Map<string, string>();
  for (const r of rows) {
    // Keep the first non-empty name seen for a merchant (an ONBOARDING merchant has no legal name yet).
    if (!byId.get(r.merchantId)) byId.set(r.merchantId, r.name ?? "");
  }
  return [...byId.values()].map((n) => n || "(未命名商户 / unnamed merchant)");
}

function toMccRiskLevel(n: number | undefined): MccRiskLevel {
  return n === 2 ? 2 : n === 1 ? 1 : 0;
}

/**
 * Everything the risk rules need about one change request, read inside the caller's transaction.
 * Sensitive numbers are matched by blind index only (the sealed proposal carries them); the
 * plaintext account number is used solely for the BIN lookup and never leaves this function.
 */
export async function gatherRiskFacts(tx: Prisma.TransactionClient, input: RiskAssessmentInput, now: Date): Promise<RiskFacts> {
  const { kind, merchantId, proposal } = input;
  const { merchant: m, account: a } = proposal;

  const related = input.related ?? (await findRelatedRecords(tx, relatedRecordsQuery(merchantId, proposal)));

  // ── 2. The same account elsewhere: approved (in force / awaiting confirmation) and in open requests.
  const otherMerchantsWithAccount = namesByMerchant(related.accountHolders);

  // ── 4 / 5. History of this merchant (UPDATE only: an onboarding has none).
  let accountChangesLast90Days = 0;
  let daysSinceOnboarding: number | null = null;
  let changesAccount = false;
  const contactChanges: ContactChangeField[] = [];
  if (kind === "UPDATE") {
    const current = await tx.merchant.findUnique({ where: { id: merchantId }, select: { onboardedAt: true, phone: true, legalRepIdHash: true } });
    if (current?.onboardedAt) daysSinceOnboarding = Math.max(0, Math.floor((now.getTime() - current.onboardedAt.getTime()) / DAY_MS));

    // Every account row after the merchant's first one is a change (approval writes a row only when the account changed).
    const since = new Date(now.getTime() - 90 * DAY_MS);
    const rows = await tx.receivingAccount.findMany({ where: { merchantId }, select: { createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    accountChangesLast90Days = rows.slice(1).filter((r) => r.createdAt >= since).length;

    let previous = input.previous;
    if (!previous) {
      const inForce = await tx.receivingAccount.findFirst({ where: { merchantId, status: "IN_FORCE" }, select: { accountNoHash: true } });
      previous = { phone: current?.phone ?? null, legalRepIdHash: current?.legalRepIdHash ?? null, accountNoHash: inForce?.accountNoHash ?? null };
    }
    changesAccount = previous.accountNoHash !== a.accountNoHash;
    if (previous.phone !== null && previous.phone !== m.phone) contactChanges.push("phone");
    if (previous.legalRepIdHash !== null && previous.legalRepIdHash !== m.legalRepIdHash) contactChanges.push("legalRep");
  }

  // ── 3. Card type by BIN, personal accounts only.
  const cardType = a.accountType !== "PERSONAL" ? null : input.cardType !== undefined ? input.cardType : ((await lookupCardBin(input.plainAccountNo, tx))?.cardType ?? null);

  // ── 8b. The same phone on unrelated merchants: a merchant with the same legal representative is related.
  const otherMerchantsWithPhone = namesByMerchant(related.phoneHolders.filter((r) => r.legalRepIdHash !== m.legalRepIdHash));

  return {
    kind,
    merchantType: m.type,
    accountType: a.accountType,
    thirdParty: a.thirdParty,
    thirdPartyAuthRef: a.thirdPartyAuthRef ?? "",
    accountName: a.accountName,
    merchantName: m.legalName,
    legalRepName: m.legalRepName,
    accountNameMatchesMerchant: a.accountName === m.legalName,
    accountNameMatchesLegalRep: a.accountName === m.legalRepName,
    accountLast4: a.accountLast4,
    otherMerchantsWithAccount,
    cardType,
    accountChangesLast90Days,
    daysSinceOnboarding,
    changesAccount,
    changesContactOrLegalRep: contactChanges.length > 0,
    contactChanges,
    cnaps: a.cnaps,
    divisionCode: m.divisionCode,
    mcc: m.mcc,
    mccRiskLevel: toMccRiskLevel(related.mccRiskLevel ?? undefined),
    phoneIsMvno: checkField("mobile", m.phone).warnings.includes("MVNO_SEGMENT"),
    phoneLast4: m.phone.slice(-4),
    otherMerchantsWithPhone,
    watchListHits: related.watchListHits,
  };
}
