import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { refusal } from "@/test/integration/outcomes";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows, luhnCard, uniqueUscc } from "@/test/integration/applications";
import { saveApplicationDraft } from "./save-application-draft";
import { submitApplication } from "./submit-application";

const requestMeta = meta();
beforeAll(ensureReferenceRows);


describe("submitting a merchant application", () => {
  it("creates one change request awaiting verification, with its audit event, and no plaintext", async () => {
    const clerk = await seedActor("CLERK");
    const data = enterpriseApplication();
    const result = await submitApplication({ actor: clerk, input: { data }, requestMeta });
    const db = await prisma();
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: result.changeRequestId } });
    expect(request).toMatchObject({ status: "AWAITING_VERIFICATION", makerId: clerk.id, kind: "ONBOARD", openMerchantId: request.merchantId });
    expect(JSON.stringify(request.proposal)).not.toContain(data.account.accountNo);
    expect(JSON.stringify(request.proposal)).not.toContain(data.merchant.legalRepId);
    expect(request.accountLast4).toBe(data.account.accountNo.slice(-4));
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: request.merchantId } });
    expect(merchant).toMatchObject({ status: "ONBOARDING", version: 0, legalName: null });
    expect(await db.auditEvent.count({ where: { action: "change.submitted", entityId: request.id, actorId: clerk.id } })).toBe(1);
  });

  it("refuses every role without change:submit, and writes nothing", async () => {
    const db = await prisma();
    for (const role of ["SUPERVISOR", "AUDITOR", "ADMIN"] as const) {
      const data = enterpriseApplication();
      const err = await refusal(submitApplication({ actor: await seedActor(role), input: { data }, requestMeta }));
      expect(err.code).toBe("FORBIDDEN");
      expect(await db.changeRequest.count({ where: { creditCode: data.merchant.creditCode } })).toBe(0);
    }
  });

  it("refuses bad input with field errors: wrong types, unknown fields, huge strings", async () => {
    const clerk = await seedActor("CLERK");
    const db = await prisma();
    const before = await db.changeRequest.count();
    for (const data of [
      { ...enterpriseApplication(), extra: 1 },
      { ...enterpriseApplication(), merchant: { ...enterpriseApplication().merchant, legalName: "x".repeat(10_000_000) } },
      { merchant: 42, account: null, terminals: "no" },
      "not an object",
    ]) {
      const err = await refusal(submitApplication({ actor: clerk, input: { data }, requestMeta }));
      expect(err.code).toBe("VALIDATION");
      expect(Object.keys(err.fieldErrors).length).toBeGreaterThan(0);
    }
    expect(await db.changeRequest.count()).toBe(before);
  });

  it("refuses a credit card as settlement account (BIN table)", async () => {
    const clerk = await seedActor("CLERK");
    const data = enterpriseApplication();
    data.merchant.type = "MICRO";
    data.merchant.creditCode = "";
    data.account.accountType = "PERSONAL";
    data.account.accountName = data.merchant.legalRepName;
    data.account.accountNo = luhnCard("625911");
    const err = await refusal(submitApplication({ actor: clerk, input: { data }, requestMeta }));
    expect(err.fieldErrors["account.accountNo"]).toEqual(["validation.account.creditCard"]);
  });

  it("refuses a credit code already pending and a terminal already claimed; flags an account used by another merchant", async () => {
    const clerk = await seedActor("CLERK");
    const first = enterpriseApplication();
    await submitApplication({ actor: clerk, input: { data: first }, requestMeta });
    const sameCode = enterpriseApplication({ creditCode: first.merchant.creditCode, terminalId: first.terminals[0]!.terminalId });
    const err = await refusal(submitApplication({ actor: clerk, input: { data: sameCode }, requestMeta }));
    expect(err.fieldErrors).toMatchObject({ "merchant.creditCode": ["validation.duplicate.creditCodePending"], "terminals.0.terminalId": ["validation.duplicate.terminalBound"] });
    const sameAccount = enterpriseApplication({ accountNo: first.account.accountNo });
    const result = await submitApplication({ actor: clerk, input: { data: sameAccount }, requestMeta });
    expect(result.findings).toEqual([{ code: "ACCOUNT_USED_BY_OTHER_MERCHANT", field: "account.accountNo", otherMerchant: first.merchant.legalName }]);
  });

  it("two concurrent submissions of one credit code: exactly one wins", async () => {
    const clerk = await seedActor("CLERK");
    const creditCode = uniqueUscc();
    const results = await Promise.allSettled([0, 1, 2, 3].map(() => submitApplication({ actor: clerk, input: { data: enterpriseApplication({ creditCode }) }, requestMeta })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "VALIDATION" });
    expect(await (await prisma()).changeRequest.count({ where: { creditCode } })).toBe(1);
  });

  it("submitting from a draft closes it; a second submit of the same draft changes nothing", async () => {
    const clerk = await seedActor("CLERK");
    const data = enterpriseApplication();
    const draft = await saveApplicationDraft({ actor: clerk, input: { data }, requestMeta });
    await submitApplication({ actor: clerk, input: { data, draftId: draft.draftId, draftVersion: draft.version }, requestMeta });
    const again = await refusal(submitApplication({ actor: clerk, input: { data, draftId: draft.draftId, draftVersion: draft.version }, requestMeta }));
    expect(["VALIDATION", "CONFLICT"]).toContain(again.code);
    const db = await prisma();
    expect(await db.changeRequest.count({ where: { creditCode: data.merchant.creditCode } })).toBe(1);
    expect((await db.applicationDraft.findUniqueOrThrow({ where: { id: draft.draftId } })).submittedAt).not.toBeNull();
  });
});

describe("drafts", () => {
  it("save and update with a version check; sensitive numbers are sealed; another clerk cannot touch them", async () => {
    const clerk = await seedActor("CLERK");
    const data = enterpriseApplication();
    const first = await saveApplicationDraft({ actor: clerk, input: { data }, requestMeta });
    const db = await prisma();
    const stored = JSON.stringify((await db.applicationDraft.findUniqueOrThrow({ where: { id: first.draftId } })).data);
    expect(stored).not.toContain(data.account.accountNo);
    expect(stored).not.toContain(data.merchant.legalRepId);
    const second = await saveApplicationDraft({ actor: clerk, input: { draftId: first.draftId, version: first.version, data }, requestMeta });
    expect(second.version).toBe(2);
    expect((await refusal(saveApplicationDraft({ actor: clerk, input: { draftId: first.draftId, version: 1, data }, requestMeta }))).code).toBe("CONFLICT");
    const other = await seedActor("CLERK");
    expect((await refusal(saveApplicationDraft({ actor: other, input: { draftId: first.draftId, version: 2, data }, requestMeta }))).code).toBe("NOT_FOUND");
  });

  it("accepts an incomplete draft but not an oversized one", async () => {
    const clerk = await seedActor("CLERK");
    const partial = { merchant: { legalName: "半成品" }, account: {}, terminals: [] };
    await expect(saveApplicationDraft({ actor: clerk, input: { data: partial }, requestMeta })).resolves.toHaveProperty("draftId");
    const huge = { merchant: { legalName: "x".repeat(5000) }, account: {}, terminals: [] };
    expect((await refusal(saveApplicationDraft({ actor: clerk, input: { data: huge }, requestMeta }))).code).toBe("VALIDATION");
  });
});
