import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContactChangeField, MccRiskLevel, RiskFacts, WatchListKind } from "@/lib/domain/risk";
import { checkField } from "@/lib/domain/validation";
import type { TSealedProposal } from "@/lib/server/applications/seal-application";
import { lookupCardBin } from "@/lib/server/reference/lookup-card-bin";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Names gathered per query; enough for evidence and any sane threshold (settings cap at 20). */
const MAX_ROWS = 100;

const OPEN: Prisma.ChangeRequestWhereInput = { openMerchantId: { not: null } };

export type RiskAssessmentInput = {
  kind: "ONBOARD" | "UPDATE";
  /** The merchant the request is for (for ONBOARD, the new ONBOARDING merchant's id; it need not exist yet). */
  merchantId: string;
  proposal: TSealedProposal;
  /** Plaintext (normalised) account number: only used for the card BIN lookup of a personal account, never stored. */
  plainAccountNo: string;
  /** The approved values the UPDATE replaces; read from the master record when omitted. */
  previous?: { phone: string | null; legalRepIdHash: string | null; accountNoHash: string | null };
};

/** Reads the `merchant.legalRepIdHash` of a stored proposal without trusting its shape. */
function proposalLegalRepIdHash(proposal: Prisma.JsonValue): string | null {
  if (typeof proposal !== "object" || proposal === null || Array.isArray(proposal)) return null;
  const merchant = (proposal as Record<string, unknown>).merchant;
  if (typeof merchant !== "object" || merchant === null) return null;
  const hash = (merchant as Record<string, unknown>).legalRepIdHash;
  return typeof hash === "string" ? hash : null;
}

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
  const notSelf = { not: merchantId };

  // ── 2. The same account elsewhere: approved (in force / awaiting confirmation) and in open requests.
  const sameAccount = await tx.receivingAccount.findMany({
    where: { accountNoHash: a.accountNoHash, status: { in: ["IN_FORCE", "PENDING_CONFIRMATION"] }, merchantId: notSelf },
    select: { merchantId: true, merchant: { select: { legalName: true } } },
    take: MAX_ROWS,
  });
  const sameAccountOpen = await tx.changeRequest.findMany({
    where: { ...OPEN, accountNoHash: a.accountNoHash, merchantId: notSelf },
    select: { merchantId: true, legalName: true },
    take: MAX_ROWS,
  });
  const otherMerchantsWithAccount = namesByMerchant([
    ...sameAccount.map((r) => ({ merchantId: r.merchantId, name: r.merchant.legalName })),
    ...sameAccountOpen.map((r) => ({ merchantId: r.merchantId, name: r.legalName })),
  ]);

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
  const cardType = a.accountType === "PERSONAL" ? ((await lookupCardBin(input.plainAccountNo, tx))?.cardType ?? null) : null;

  // ── 7. MCC risk level (unknown MCC: 0; the entry checks refuse unknown MCCs anyway).
  const mcc = await tx.mcc.findUnique({ where: { code: m.mcc }, select: { riskLevel: true } });

  // ── 8b. The same phone on unrelated merchants: a merchant with the same legal representative is related.
  const samePhone = await tx.merchant.findMany({
    where: { phone: m.phone, id: notSelf },
    select: { id: true, legalName: true, legalRepIdHash: true },
    take: MAX_ROWS,
  });
  const samePhoneOpen = await tx.changeRequest.findMany({
    where: { ...OPEN, phone: m.phone, merchantId: notSelf },
    select: { merchantId: true, legalName: true, proposal: true },
    take: MAX_ROWS,
  });
  const otherMerchantsWithPhone = namesByMerchant([
    ...samePhone.filter((r) => r.legalRepIdHash !== m.legalRepIdHash).map((r) => ({ merchantId: r.id, name: r.legalName })),
    ...samePhoneOpen.filter((r) => proposalLegalRepIdHash(r.proposal) !== m.legalRepIdHash).map((r) => ({ merchantId: r.merchantId, name: r.legalName })),
  ]);

  // ── 9. Watch list: blind indexes for account and ID, the plain code for credit codes (public).
  const watchWhere: Prisma.WatchListEntryWhereInput[] = [
    { kind: "ACCOUNT_NO", valueHash: a.accountNoHash },
    { kind: "RESIDENT_ID", valueHash: m.legalRepIdHash },
  ];
  if (m.creditCode) watchWhere.push({ kind: "CREDIT_CODE", valueHash: m.creditCode });
  const hits = await tx.watchListEntry.findMany({ where: { OR: watchWhere }, select: { kind: true } });
  const watchListHits = [...new Set(hits.map((h) => h.kind as WatchListKind))];

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
    mccRiskLevel: toMccRiskLevel(mcc?.riskLevel),
    phoneIsMvno: checkField("mobile", m.phone).warnings.includes("MVNO_SEGMENT"),
    phoneLast4: m.phone.slice(-4),
    otherMerchantsWithPhone,
    watchListHits,
  };
}
