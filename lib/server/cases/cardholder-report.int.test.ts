import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { beijingDate } from "@/lib/domain/cases/cardholder-report";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { prisma } from "@/lib/server/db";
import { meta } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { codeOf, refusal } from "@/test/integration/outcomes";
import { approvedMerchant } from "@/test/integration/workflow";
import { REPORT_WINDOW_MINUTES, REPORTS_PER_WINDOW, submitCardholderReport } from "./submit-cardholder-report";

const DAY = 86_400_000;
let ipCounter = 0;
/** Each test reports from its own address, so the per-address throttle never leaks between tests. */
const freshIp = () => `192.0.2.${++ipCounter}`;
const today = () => beijingDate(new Date());

const report = (overrides: Record<string, unknown> = {}) => ({
  terminalId: "",
  merchantName: "",
  merchantNo: "",
  payeeShown: "福州某某贸易有限公司",
  occurredOn: today(),
  amount: "",
  contact: "",
  description: "",
  website: "",
  ...overrides,
});

let known: { merchantId: string; terminalId: string; legalName: string };

beforeAll(async () => {
  await ensureReferenceRows();
  const merchant = await approvedMerchant();
  known = { merchantId: merchant.merchantId, terminalId: merchant.data.terminals[0]!.terminalId, legalName: merchant.data.merchant.legalName };
}, 60_000);

const caseOf = async (reference: string) => (await prisma()).case.findUniqueOrThrow({ where: { reference } });

describe("a cardholder report", () => {
  it("for a known terminal links itself to the terminal and the merchant it is bound to, audited with the address", async () => {
    const ip = freshIp();
    const receipt = await submitCardholderReport({
      input: report({ terminalId: known.terminalId.toLowerCase(), amount: "86.5", contact: "139 0591 0101", description: "  刷卡后小票上的收款方不是这家店。 " }),
      requestMeta: meta(ip),
    });
    expect(Object.keys(receipt)).toEqual(["reference"]);
    expect(receipt.reference).toMatch(/^CASE-\d{8}-[0-9A-F]{8}$/);
    const opened = await caseOf(receipt.reference);
    expect(opened).toMatchObject({ kind: "CARDHOLDER_REPORT", status: "OPEN", terminalId: known.terminalId, merchantId: known.merchantId, createdById: null, summary: "刷卡后小票上的收款方不是这家店。" });
    expect(opened.details).toEqual({ occurredOn: today(), payeeShown: "福州某某贸易有限公司", terminalOnSlip: known.terminalId, amountYuan: "86.50", reporterContact: "13905910101" });

    const db = await prisma();
    const [event] = await db.auditEvent.findMany({ where: { entity: "case", entityId: opened.id } });
    expect(event).toMatchObject({ action: "case.opened", actorId: null, ip });
    expect(JSON.parse(JSON.stringify(event!.after))).toMatchObject({ kind: "CARDHOLDER_REPORT", merchantId: known.merchantId, terminalId: known.terminalId });
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("for an unknown terminal, or by merchant name only, opens an unlinked case", async () => {
    const unknown = await submitCardholderReport({ input: report({ terminalId: "ZZ999999" }), requestMeta: meta(freshIp()) });
    expect(await caseOf(unknown.reference)).toMatchObject({ terminalId: "ZZ999999", merchantId: null });
    const byName = await submitCardholderReport({ input: report({ merchantName: "  鼓楼  示例超市 " }), requestMeta: meta(freshIp()) });
    const opened = await caseOf(byName.reference);
    expect(opened).toMatchObject({ terminalId: null, merchantId: null });
    expect(opened.summary).toContain("鼓楼 示例超市");
  });

  it("reveals nothing: known and unknown terminals get answers of the same shape, with no merchant data", async () => {
    const a = await submitCardholderReport({ input: report({ terminalId: known.terminalId }), requestMeta: meta(freshIp()) });
    const b = await submitCardholderReport({ input: report({ terminalId: "ZZ888888" }), requestMeta: meta(freshIp()) });
    const shape = (r: object) => Object.entries(r).map(([k, v]) => [k, typeof v, String(v).replace(/[0-9A-F]/g, "x")]);
    expect(shape(a)).toEqual(shape(b));
    for (const answer of [a, b]) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain(known.merchantId);
      expect(text).not.toContain(known.legalName);
    }
  });

  it("links to the merchant the terminal was bound to on the reported Beijing day, else the current one", async () => {
    const other = await approvedMerchant();
    const db = await prisma();
    const terminalId = `TM${crypto.randomInt(100000, 999999)}`;
    const now = Date.now();
    const binding = (merchantId: string, from: number, to: number | null) => ({ id: crypto.randomUUID(), terminalId, serialNo: `SN-${crypto.randomUUID().slice(0, 8)}`, merchantId, installAddress: "收银台", boundFrom: new Date(from), boundTo: to === null ? null : new Date(to), changeRequestId: crypto.randomUUID() });
    await db.terminalBinding.createMany({ data: [binding(known.merchantId, now - 200 * DAY, now - 100 * DAY), binding(other.merchantId, now - 100 * DAY, null)] });

    const then = await submitCardholderReport({ input: report({ terminalId, occurredOn: beijingDate(new Date(now - 150 * DAY)) }), requestMeta: meta(freshIp()) });
    expect((await caseOf(then.reference)).merchantId).toBe(known.merchantId);
    const recent = await submitCardholderReport({ input: report({ terminalId, occurredOn: today() }), requestMeta: meta(freshIp()) });
    expect((await caseOf(recent.reference)).merchantId).toBe(other.merchantId);
    // Before any binding: the merchant it is bound to now.
    const before = await submitCardholderReport({ input: report({ terminalId, occurredOn: beijingDate(new Date(now - 300 * DAY)) }), requestMeta: meta(freshIp()) });
    expect((await caseOf(before.reference)).merchantId).toBe(other.merchantId);
  });

  it("is throttled per address after the limit, saying when to retry; another address still gets through", async () => {
    const ip = freshIp();
    const db = await prisma();
    for (let i = 0; i < REPORTS_PER_WINDOW; i++) await submitCardholderReport({ input: report({ terminalId: "ZZ777777" }), requestMeta: meta(ip) });
    const casesBefore = await db.case.count();
    const refused = await refusal(submitCardholderReport({ input: report({ terminalId: "ZZ777777" }), requestMeta: meta(ip) }));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.params.minutes).toBeGreaterThanOrEqual(59);
    expect(refused.params.minutes).toBeLessThanOrEqual(60);
    expect(await db.case.count()).toBe(casesBefore);
    // Counted in the database, not in this process: an hour-old submission no longer counts.
    await db.rateLimitHit.updateMany({ where: { key: ip }, data: { at: new Date(Date.now() - 61 * 60_000) } });
    await expect(submitCardholderReport({ input: report({ terminalId: "ZZ777777" }), requestMeta: meta(ip) })).resolves.toHaveProperty("reference");
    await expect(submitCardholderReport({ input: report({ terminalId: "ZZ777777" }), requestMeta: meta(freshIp()) })).resolves.toHaveProperty("reference");
  });

  it("admits exactly the limit from a burst of concurrent reports from one address (the naive count-then-record admits more)", async () => {
    const db = await prisma();
    const burst = 4 * REPORTS_PER_WINDOW;
    // The throttle as it was: counted, then recorded in a later transaction.
    const naiveReport = async (ip: string) => {
      const recent = await db.rateLimitHit.count({ where: { bucket: "cardholder-report", key: ip, at: { gte: new Date(Date.now() - REPORT_WINDOW_MINUTES * 60_000) } } });
      if (recent >= REPORTS_PER_WINDOW) return "RATE_LIMITED";
      // What the old code did in between: parse the report and look up the terminal's binding.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await db.$transaction(async (tx) => tx.rateLimitHit.create({ data: { bucket: "cardholder-report", key: ip } }));
      return "OK";
    };
    const naiveIp = freshIp();
    const naive = await Promise.all(Array.from({ length: burst }, () => naiveReport(naiveIp)));
    expect(naive.filter((c) => c === "OK").length).toBeGreaterThan(REPORTS_PER_WINDOW);

    const ip = freshIp();
    const casesBefore = await db.case.count();
    const codes = await Promise.all(Array.from({ length: burst }, () => codeOf(submitCardholderReport({ input: report({ terminalId: "ZZ888888" }), requestMeta: meta(ip) }))));
    expect(codes.filter((c) => c === "OK").length).toBe(REPORTS_PER_WINDOW);
    expect(codes.filter((c) => c === "RATE_LIMITED").length).toBe(burst - REPORTS_PER_WINDOW);
    expect(await db.case.count()).toBe(casesBefore + REPORTS_PER_WINDOW);
    expect(await db.rateLimitHit.count({ where: { key: ip } })).toBe(REPORTS_PER_WINDOW);
  });

  it("with the bot trap filled answers like a real one but stores nothing, and still counts against the address", async () => {
    const ip = freshIp();
    const db = await prisma();
    const [cases, events] = [await db.case.count(), await db.auditEvent.count()];
    const answer = await submitCardholderReport({ input: report({ terminalId: known.terminalId, website: "http://spam.example" }), requestMeta: meta(ip) });
    expect(Object.keys(answer)).toEqual(["reference"]);
    expect(answer.reference).toMatch(/^CASE-\d{8}-[0-9A-F]{8}$/);
    expect(await db.case.count()).toBe(cases);
    expect(await db.auditEvent.count()).toBe(events);
    expect(await db.case.findUnique({ where: { reference: answer.reference } })).toBeNull();
    // Even garbage input gets the same answer: a robot learns nothing from validation.
    await expect(submitCardholderReport({ input: { website: "x" }, requestMeta: meta(ip) })).resolves.toHaveProperty("reference");
    expect(await db.rateLimitHit.count({ where: { key: ip } })).toBe(2);
  });

  it("refuses bad input field by field, storing nothing and not counting it", async () => {
    const ip = freshIp();
    const db = await prisma();
    const cases = await db.case.count();
    const errorsOf = async (input: Record<string, unknown>) => (await refusal(submitCardholderReport({ input, requestMeta: meta(ip) }))).fieldErrors;
    const future = beijingDate(new Date(Date.now() + 2 * DAY));
    const old = beijingDate(new Date(Date.now() - 400 * DAY));

    expect(await errorsOf(report({ payeeShown: "  " }))).toEqual({
      terminalId: ["validation.cardholderReport.terminalOrMerchant"],
      merchantName: ["validation.cardholderReport.terminalOrMerchant"],
      payeeShown: ["validation.cardholderReport.payeeRequired"],
    });
    expect(await errorsOf(report({ terminalId: "35A1", merchantNo: "12345", occurredOn: "" }))).toEqual({ terminalId: ["field.BAD_LENGTH"], merchantNo: ["field.BAD_LENGTH"], occurredOn: ["validation.cardholderReport.dateRequired"] });
    expect(await errorsOf(report({ merchantName: "x", occurredOn: future }))).toEqual({ occurredOn: ["validation.cardholderReport.dateInFuture"] });
    expect(await errorsOf(report({ merchantName: "x", occurredOn: old }))).toEqual({ occurredOn: ["validation.cardholderReport.dateTooOld"] });
    expect(await errorsOf(report({ merchantName: "x", occurredOn: "2026-02-30" }))).toEqual({ occurredOn: ["validation.cardholderReport.dateFormat"] });
    for (const amount of ["0", "-5", "12.345", "abc", "0.00"]) expect(await errorsOf(report({ merchantName: "x", amount }))).toEqual({ amount: ["validation.cardholderReport.amount"] });
    for (const contact of ["12345", "a@b", "1200000000"]) expect(await errorsOf(report({ merchantName: "x", contact }))).toEqual({ contact: ["validation.cardholderReport.contact"] });
    expect(await errorsOf(report({ merchantName: "x", description: "字".repeat(2001) }))).toEqual({ description: ["validation.cardholderReport.descriptionTooLong"] });
    expect(await errorsOf(report({ merchantName: "x".repeat(101) }))).toEqual({ merchantName: ["validation.tooLong"] });
    expect(await errorsOf({ ...report({ merchantName: "x" }), merchantId: known.merchantId })).toHaveProperty("_form");

    expect(await db.case.count()).toBe(cases);
    expect(await db.rateLimitHit.count({ where: { key: ip } })).toBe(0);
  });

  it("accepts the amount and contact in the forms cardholders write them", async () => {
    for (const [amount, yuan] of [["¥58.5", "58.50"], ["1,200", "1200.00"], ["0.01", "0.01"]] as const) {
      const { reference } = await submitCardholderReport({ input: report({ merchantName: "x", amount, contact: "someone@example.com" }), requestMeta: meta(freshIp()) });
      expect((await caseOf(reference)).details).toMatchObject({ amountYuan: yuan, reporterContact: "someone@example.com" });
    }
  });
});
