import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZMerchantApplicationSchema, type TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { cnapsCheckDigit } from "@/lib/domain/validation";
import { sealApplication } from "@/lib/server/applications/seal-application";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { blindIndex, encryptSensitive, lastFour } from "@/lib/server/crypto/sensitive";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows, luhnCard, uniqueUscc, validResidentId } from "@/test/integration/applications";
import { assessRisk, type RiskAssessmentInput } from "./assess-risk";
import { gatherRiskFacts } from "./gather-risk-facts";

const requestMeta = meta();
const DAY = 24 * 60 * 60 * 1000;

const digits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(10)).join("");
/** A unique mobile number in an ordinary (non-MVNO) block, so phone rules stay quiet unless a test wants them. */
const uniquePhone = () => `139${digits(8)}`;
/** An ICBC branch in Fuzhou (area 3910), matching the Fuzhou business address of the test applications. */
const fuzhouCnaps = () => {
  const body = `1023910${digits(4)}`;
  return body + cnapsCheckDigit(body);
};

/** An enterprise application with no risk signal: Fuzhou bank for a Fuzhou business, its own phone. */
function cleanApplication(overrides: { accountNo?: string } = {}): TMerchantApplicationInput {
  const data = enterpriseApplication(overrides);
  data.merchant.phone = uniquePhone();
  data.account.cnaps = fuzhouCnaps();
  return data;
}

type Options = { kind?: "ONBOARD" | "UPDATE"; merchantId?: string; previous?: RiskAssessmentInput["previous"]; now?: Date };

function inputFor(data: TMerchantApplicationInput, options: Options = {}): RiskAssessmentInput {
  const app = ZMerchantApplicationSchema.parse(data);
  return { kind: options.kind ?? "ONBOARD", merchantId: options.merchantId ?? crypto.randomUUID(), proposal: sealApplication(app), plainAccountNo: app.account.accountNo, previous: options.previous };
}

async function assess(data: TMerchantApplicationInput, options: Options = {}) {
  const db = await prisma();
  const input = inputFor(data, options);
  return db.$transaction((tx) => assessRisk(tx, input, options.now ?? new Date()));
}

const codes = (r: { flags: { code: string }[] }) => r.flags.map((f) => f.code).sort();

/** An approved, active merchant with one receiving account (rows written directly: approval is not under test). */
async function seedApprovedMerchant(data: TMerchantApplicationInput, options: { onboardedAt: Date; accountStatus?: "IN_FORCE" | "PENDING_CONFIRMATION" | "SUPERSEDED" }) {
  const db = await prisma();
  const app = ZMerchantApplicationSchema.parse(data);
  const sealed = sealApplication(app);
  const id = crypto.randomUUID();
  await db.merchant.create({
    data: {
      id, status: "ACTIVE", version: 1, onboardedAt: options.onboardedAt, type: app.merchant.type, legalName: app.merchant.legalName, receiptName: app.merchant.receiptName,
      creditCode: app.merchant.creditCode, legalRepName: app.merchant.legalRepName, legalRepIdEnc: sealed.merchant.legalRepIdEnc, legalRepIdHash: sealed.merchant.legalRepIdHash,
      legalRepIdLast4: sealed.merchant.legalRepIdLast4, phone: app.merchant.phone, mcc: app.merchant.mcc, divisionCode: app.merchant.divisionCode, street: app.merchant.street,
    },
  });
  await addAccount(id, app.account.accountNo, { status: options.accountStatus ?? "IN_FORCE", createdAt: options.onboardedAt });
  return { merchantId: id, legalName: app.merchant.legalName, sealed };
}

async function addAccount(merchantId: string, accountNo: string, options: { status: "IN_FORCE" | "PENDING_CONFIRMATION" | "SUPERSEDED"; createdAt: Date }) {
  const db = await prisma();
  await db.receivingAccount.create({
    data: {
      id: crypto.randomUUID(), merchantId, merchantVersion: 1, accountType: "CORPORATE", accountName: "x", accountNoEnc: encryptSensitive("account-no", accountNo),
      accountNoHash: blindIndex("account-no", accountNo), accountLast4: lastFour(accountNo), bankCode: "102", branchName: "工行福州分行", cnaps: fuzhouCnaps(),
      status: options.status, effectiveFrom: options.status === "IN_FORCE" ? options.createdAt : null, changeRequestId: crypto.randomUUID(), createdAt: options.createdAt,
    },
  });
}

async function watch(kind: "ACCOUNT_NO" | "RESIDENT_ID" | "CREDIT_CODE", valueHash: string) {
  const db = await prisma();
  await db.watchListEntry.create({ data: { id: crypto.randomUUID(), kind, valueHash, note: "test", createdById: "test" } });
}

beforeAll(ensureReferenceRows);

describe("assessRisk", () => {
  it("a clean application raises no flag", async () => {
    expect(await assess(cleanApplication())).toEqual({ flags: [], highRisk: false });
  });

  it("an account in another merchant's open request fires ACCOUNT_SHARED (high), naming that merchant — not the merchant's own request", async () => {
    const clerk = await seedActor("CLERK");
    const accountNo = digits(16);
    const first = cleanApplication({ accountNo });
    const submitted = await submitApplication({ actor: clerk, input: { data: first }, requestMeta });
    const db = await prisma();
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: submitted.changeRequestId } });

    const result = await assess(cleanApplication({ accountNo }));
    expect(result.highRisk).toBe(true);
    expect(result.flags).toEqual([
      { code: "ACCOUNT_SHARED", severity: "high", evidence: { accountLast4: accountNo.slice(-4), otherMerchantCount: 1, otherMerchants: [first.merchant.legalName], threshold: 1 } },
    ]);
    expect(JSON.stringify(result.flags)).not.toContain(accountNo);

    // Re-assessing the first request for its own merchant does not count itself.
    expect(await assess(first, { merchantId: request.merchantId })).toEqual({ flags: [], highRisk: false });
  });

  it("an account in force or pending confirmation elsewhere fires; a superseded one does not", async () => {
    const inForceNo = digits(16);
    const pendingNo = digits(16);
    const supersededNo = digits(16);
    const a = await seedApprovedMerchant(cleanApplication({ accountNo: inForceNo }), { onboardedAt: new Date(Date.now() - 400 * DAY) });
    const b = await seedApprovedMerchant(cleanApplication({ accountNo: pendingNo }), { onboardedAt: new Date(Date.now() - 400 * DAY), accountStatus: "PENDING_CONFIRMATION" });
    await seedApprovedMerchant(cleanApplication({ accountNo: supersededNo }), { onboardedAt: new Date(Date.now() - 400 * DAY), accountStatus: "SUPERSEDED" });

    const inForce = await assess(cleanApplication({ accountNo: inForceNo }));
    expect(inForce.flags.map((f) => [f.code, f.evidence.otherMerchants])).toEqual([["ACCOUNT_SHARED", [a.legalName]]]);
    const pending = await assess(cleanApplication({ accountNo: pendingNo }));
    expect(pending.flags.map((f) => [f.code, f.evidence.otherMerchants])).toEqual([["ACCOUNT_SHARED", [b.legalName]]]);
    expect(await assess(cleanApplication({ accountNo: supersededNo }))).toEqual({ flags: [], highRisk: false });
  });

  it("a watch-listed account fires WATCH_LIST_HIT (high); so do a watch-listed ID and credit code", async () => {
    const accountNo = digits(16);
    await watch("ACCOUNT_NO", blindIndex("account-no", accountNo));
    const result = await assess(cleanApplication({ accountNo }));
    expect(result).toEqual({ flags: [{ code: "WATCH_LIST_HIT", severity: "high", evidence: { kinds: ["ACCOUNT_NO"] } }], highRisk: true });

    const data = cleanApplication();
    const id = validResidentId();
    data.merchant.legalRepId = id;
    await watch("RESIDENT_ID", blindIndex("resident-id", id));
    await watch("CREDIT_CODE", data.merchant.creditCode!);
    const both = await assess(data);
    expect(both.highRisk).toBe(true);
    expect([...(both.flags[0]?.evidence.kinds as string[])].sort()).toEqual(["CREDIT_CODE", "RESIDENT_ID"]);
  });

  it("a personal credit card (BIN table) fires CREDIT_CARD_ACCOUNT; a debit card does not", async () => {
    const micro = (cardNo: string) => {
      const data = cleanApplication();
      data.merchant.type = "MICRO";
      data.merchant.creditCode = "";
      data.account.accountType = "PERSONAL";
      data.account.accountName = data.merchant.legalRepName;
      data.account.accountNo = cardNo;
      return data;
    };
    const credit = await assess(micro(luhnCard("625911")));
    expect(credit.flags.map((f) => [f.code, f.severity])).toEqual([["CREDIT_CARD_ACCOUNT", "high"]]);
    expect(await assess(micro(luhnCard("622202")))).toEqual({ flags: [], highRisk: false });
  });

  it("a third-party settlement is high risk", async () => {
    const data = cleanApplication();
    data.merchant.type = "INDIVIDUAL_BUSINESS";
    data.merchant.creditCode = uniqueUscc("92");
    data.account.accountType = "PERSONAL";
    data.account.accountNo = luhnCard("622202");
    data.account.accountName = "王代收";
    data.account.thirdPartyAuthRef = "AUTH-001";
    data.account.thirdPartyAuthDate = "2024-05-01";
    const result = await assess(data);
    expect(result.highRisk).toBe(true);
    expect(result.flags.map((f) => f.code)).toEqual(["THIRD_PARTY_SETTLEMENT"]);
    expect(result.flags[0]?.evidence).toMatchObject({ accountName: "王代收", legalRepName: "林测试", authRef: "AUTH-001" });
  });

  it("an update soon after onboarding that changes account and phone together: takeover pattern, frequent changes", async () => {
    const now = new Date();
    const original = cleanApplication();
    const m = await seedApprovedMerchant(original, { onboardedAt: new Date(now.getTime() - 10 * DAY) });

    // Same account, new street: nothing to flag.
    const calm = structuredClone(original);
    calm.merchant.street = "五四路 2 号";
    expect(await assess(calm, { kind: "UPDATE", merchantId: m.merchantId, now })).toEqual({ flags: [], highRisk: false });

    // New account and new phone, previous values read from the master record.
    const takeover = structuredClone(original);
    takeover.account.accountNo = digits(16);
    takeover.merchant.phone = uniquePhone();
    const result = await assess(takeover, { kind: "UPDATE", merchantId: m.merchantId, now });
    expect(codes(result)).toEqual(["ACCOUNT_AND_CONTACT_CHANGE", "CHANGE_SOON_AFTER_ONBOARDING"]);
    expect(result.highRisk).toBe(true);
    expect(result.flags.find((f) => f.code === "CHANGE_SOON_AFTER_ONBOARDING")?.evidence).toEqual({ daysSinceOnboarding: 10, threshold: 30 });

    // Two earlier changes in 90 days (the first account is not a change) + this one > 2.
    await addAccount(m.merchantId, digits(16), { status: "SUPERSEDED", createdAt: new Date(now.getTime() - 8 * DAY) });
    const db = await prisma();
    const facts = await db.$transaction((tx) => gatherRiskFacts(tx, inputFor(takeover, { kind: "UPDATE", merchantId: m.merchantId }), now));
    expect(facts).toMatchObject({ accountChangesLast90Days: 1, daysSinceOnboarding: 10, changesAccount: true, contactChanges: ["phone"] });
    await addAccount(m.merchantId, digits(16), { status: "SUPERSEDED", createdAt: new Date(now.getTime() - 5 * DAY) });
    expect(codes(await assess(takeover, { kind: "UPDATE", merchantId: m.merchantId, now }))).toContain("FREQUENT_ACCOUNT_CHANGES");

    // Explicit previous values win over the master record.
    const explicit = await assess(takeover, { kind: "UPDATE", merchantId: m.merchantId, now, previous: { phone: takeover.merchant.phone, legalRepIdHash: null, accountNoHash: null } });
    expect(codes(explicit)).not.toContain("ACCOUNT_AND_CONTACT_CHANGE");
  });

  it("a phone used by unrelated merchants fires PHONE_SHARED at the threshold; the same legal representative's shops are related", async () => {
    const clerk = await seedActor("CLERK");
    const phone = uniquePhone();
    const withPhone = (legalRepId?: string) => {
      const data = cleanApplication();
      data.merchant.phone = phone;
      if (legalRepId) data.merchant.legalRepId = legalRepId;
      return data;
    };
    const owner = validResidentId();
    const first = withPhone();
    await submitApplication({ actor: clerk, input: { data: first }, requestMeta });
    await seedApprovedMerchant(withPhone(owner), { onboardedAt: new Date(Date.now() - 400 * DAY) });

    // Two other merchants share the phone, but one belongs to the same legal representative.
    expect(await assess(withPhone(owner))).toEqual({ flags: [], highRisk: false });
    const unrelated = await assess(withPhone());
    expect(unrelated.flags.map((f) => [f.code, f.evidence.otherMerchantCount])).toEqual([["PHONE_SHARED", 2]]);
    expect(unrelated.highRisk).toBe(false);
  });

  it("MVNO contact number, far-away bank and high-risk MCC for a personal account", async () => {
    const db = await prisma();
    await db.mcc.upsert({ where: { code: "7995" }, update: { riskLevel: 2 }, create: { code: "7995", nameZh: "博彩", nameEn: "Betting", riskLevel: 2 } });
    const data = cleanApplication();
    data.merchant.type = "MICRO";
    data.merchant.creditCode = "";
    data.merchant.mcc = "7995";
    data.merchant.phone = `170${digits(8)}`;
    data.account.accountType = "PERSONAL";
    data.account.accountName = data.merchant.legalRepName;
    data.account.accountNo = luhnCard("622202");
    const body = `1021000${digits(4)}`; // Beijing branch, Fuzhou business
    data.account.cnaps = body + cnapsCheckDigit(body);
    const result = await assess(data);
    expect(codes(result)).toEqual(["BANK_AREA_MISMATCH", "MVNO_CONTACT_NUMBER", "PERSONAL_ACCOUNT_HIGH_RISK_MCC"]);
    expect(result.highRisk).toBe(false);
  });

  it("uses the thresholds in the settings", async () => {
    const accountNo = digits(16);
    await seedApprovedMerchant(cleanApplication({ accountNo }), { onboardedAt: new Date(Date.now() - 400 * DAY) });
    expect(codes(await assess(cleanApplication({ accountNo })))).toEqual(["ACCOUNT_SHARED"]);
    const db = await prisma();
    await db.setting.create({ data: { key: "risk", value: { maxAccountChanges90d: 2, newMerchantDays: 30, sharedAccountMerchants: 2, sharedPhoneMerchants: 2 } } });
    try {
      expect(await assess(cleanApplication({ accountNo }))).toEqual({ flags: [], highRisk: false });
    } finally {
      await db.setting.delete({ where: { key: "risk" } });
    }
  });
});
