import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows, luhnCard, microApplication } from "@/test/integration/applications";
import { csvBytes, englishTranslator, importRecord, xlsxBytes } from "@/test/integration/import-files";
import { codeOf } from "@/test/integration/outcomes";
import { approvedMerchant, edited } from "@/test/integration/workflow";
import { submitApplication } from "@/lib/server/applications/submit-application";
import { verifyChangeRequest } from "@/lib/server/workflow/verify-change-request";
import { importMessageText } from "@/lib/domain/imports/message-text";
import { FIELD_MESSAGES } from "@/lib/domain/validation/messages";
import { importErrorReport } from "./import-error-report";
import { importMerchantFile, type TRejection } from "./import-merchant-file";

const requestMeta = meta();
beforeAll(ensureReferenceRows);

type Expected = { record: Record<string, string>; refusal?: { column: string; message: string } };

/** A credit code with its check character changed: well-formed, wrong. */
function badCheckDigit(code: string) {
  const last = code.at(-1)!;
  return code.slice(0, -1) + (last === "0" ? "1" : "0");
}

/**
 * 1,000 rows: mostly good new merchants, and among them every kind of bad row the form refuses —
 * a wrong check character, a missing field, a credit card, a terminal another merchant holds,
 * a row repeating an earlier row of the same file, a change to an unknown merchant — plus rows
 * whose account another merchant already uses (the form lets those through as a reviewer finding).
 */
async function thousandRowFile() {
  const holder = await approvedMerchant();
  const rows: Expected[] = [];
  for (let i = 0; rows.length < 1000; i++) {
    const slot = i % 50;
    const data = i % 7 === 0 ? microApplication() : enterpriseApplication();
    if (slot === 41) {
      data.merchant.creditCode = badCheckDigit(enterpriseApplication().merchant.creditCode!);
      rows.push({ record: importRecord(data), refusal: { column: "credit_code", message: "field.CHECK_DIGIT" } });
    } else if (slot === 42) {
      data.merchant.legalName = "";
      rows.push({ record: importRecord(data), refusal: { column: "legal_name", message: "validation.required" } });
    } else if (slot === 43) {
      const micro = microApplication();
      micro.account.accountNo = luhnCard("625911");
      rows.push({ record: importRecord(micro), refusal: { column: "account_no", message: "validation.account.creditCard" } });
    } else if (slot === 44) {
      data.terminals[0]!.terminalId = holder.data.terminals[0]!.terminalId;
      rows.push({ record: importRecord(data), refusal: { column: "terminal_1_id", message: "validation.duplicate.terminalBound" } });
    } else if (slot === 45) {
      const earlier = rows.findLast((r) => !r.refusal && r.record.merchant_type === "ENTERPRISE")!;
      rows.push({ record: { ...earlier.record }, refusal: { column: "credit_code", message: "validation.duplicate.creditCodePending" } });
    } else if (slot === 46) {
      rows.push({ record: importRecord(data, { merchantNo: "NOSUCHMERCHANT1" }), refusal: { column: "merchant_no", message: "imports.row.merchantUnknown" } });
    } else if (slot === 47) {
      data.account.accountNo = holder.data.account.accountNo;
      rows.push({ record: importRecord(data) });
    } else {
      rows.push({ record: importRecord(data) });
    }
  }
  return { rows, holder };
}

describe("importing a file of merchants", () => {
  it("1,000 rows with bad ones: exactly the good rows become change requests, the error report names every bad row, the same file again creates nothing", async () => {
    const clerk = await seedActor("CLERK");
    const { rows, holder } = await thousandRowFile();
    const bytes = csvBytes(rows.map((r) => r.record));
    const db = await prisma();
    const progress: number[] = [];

    // Baseline in the same run and load: form submissions one after another, each its own transaction.
    const formClerk = await seedActor("CLERK");
    const baselineStart = performance.now();
    for (let i = 0; i < 50; i++) await submitApplication({ actor: formClerk, input: { data: enterpriseApplication() }, requestMeta });
    const perSubmission = (performance.now() - baselineStart) / 50;
    const requestsBefore = await db.changeRequest.count();

    const started = performance.now();
    const result = await importMerchantFile({ actor: clerk, input: { fileName: "thousand.csv", bytes }, requestMeta, onProgress: (p) => progress.push(p.read) });
    const seconds = (performance.now() - started) / 1000;
    console.log(`import of 1,000 rows: ${seconds.toFixed(1)} s = ${seconds.toFixed(0)} ms a row; one form submission ${perSubmission.toFixed(0)} ms (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`);

    if (!("imported" in result)) throw new Error("expected a new import");
    const good = rows.filter((r) => !r.refusal);
    const bad = rows.map((r, i) => ({ ...r, row: i + 2 })).filter((r) => r.refusal);
    expect(result.imported).toMatchObject({ rowsRead: 1000, accepted: good.length, rejected: bad.length });
    expect(progress.at(-1)).toBe(1000);
    expect(await db.changeRequest.count()).toBe(requestsBefore + good.length);

    const created = await db.changeRequest.findMany({ where: { id: { in: result.requests.map((r) => r.changeRequestId) } } });
    expect(created).toHaveLength(good.length);
    expect(new Set(created.map((r) => r.legalName))).toEqual(new Set(good.map((r) => r.record.legal_name)));
    expect(created.every((r) => r.makerId === clerk.id && r.status === "AWAITING_VERIFICATION" && r.kind === "ONBOARD")).toBe(true);
    // The form's rule: an account another merchant receives on is a finding for the reviewer, not a refusal.
    const shared = created.filter((r) => r.accountLast4 === holder.data.account.accountNo.slice(-4) && JSON.stringify(r.findings).includes("ACCOUNT_USED_BY_OTHER_MERCHANT"));
    expect(shared.length).toBe(rows.filter((r) => r.record.account_no === holder.data.account.accountNo).length);
    expect(await db.auditEvent.count({ where: { action: "change.submitted", actorId: clerk.id } })).toBe(good.length);
    expect(await db.auditEvent.count({ where: { action: "import.completed", entityId: result.imported.id } })).toBe(1);

    // Every bad row is refused at its column with the form's own message, and nothing else is.
    const byRow = new Map<number, TRejection[]>();
    for (const r of result.rejections) byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
    expect([...byRow.keys()].sort((a, b) => a - b)).toEqual(bad.map((r) => r.row));
    for (const r of bad) expect(byRow.get(r.row), `row ${r.row}`).toContainEqual(expect.objectContaining(r.refusal));

    const t = englishTranslator();
    const report = await importErrorReport(clerk, result.imported.id, (key, params) => importMessageText(t, "en", key, params));
    const lines = report.csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toBe("row,column,message");
    expect(lines).toHaveLength(1 + result.rejections.length);
    const checkDigitRow = bad.find((b) => b.refusal!.message === "field.CHECK_DIGIT")!.row;
    expect(lines.find((l) => l.startsWith(`${checkDigitRow},credit_code,`))).toContain(FIELD_MESSAGES.CHECK_DIGIT.en);
    expect(lines.find((l) => l.startsWith(`${bad.find((b) => b.refusal!.column === "merchant_no")!.row},merchant_no,`))).toContain("No approved merchant has this merchant number");
    expect(report.csv).not.toMatch(/validation\.|field\.|imports\./);

    const again = await importMerchantFile({ actor: await seedActor("CLERK"), input: { fileName: "renamed.csv", bytes }, requestMeta });
    expect(again).toEqual({ duplicateOf: expect.objectContaining({ id: result.imported.id, reference: result.imported.reference }) });
    expect(await db.changeRequest.count()).toBe(requestsBefore + good.length);
  }, 600_000);

  it("the imported requests wait for another clerk's blind verification; the importing clerk may not verify them", async () => {
    const clerk = await seedActor("CLERK");
    const data = enterpriseApplication();
    const result = await importMerchantFile({ actor: clerk, input: { fileName: "one.csv", bytes: csvBytes([importRecord(data)]) }, requestMeta });
    if (!("imported" in result)) throw new Error("expected a new import");
    const changeRequestId = result.requests[0]!.changeRequestId;
    const truth = { creditCode: data.merchant.creditCode!, accountName: data.account.accountName, accountNo: data.account.accountNo, cnaps: data.account.cnaps };
    expect(await codeOf(verifyChangeRequest({ actor: clerk, input: { changeRequestId, version: 1, ...truth }, requestMeta }))).toBe("SEGREGATION");
    await verifyChangeRequest({ actor: await seedActor("CLERK"), input: { changeRequestId, version: 1, ...truth }, requestMeta });
    expect((await (await prisma()).changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } })).status).toBe("AWAITING_APPROVAL");
  });

  it("a change row names an approved merchant: blank sealed numbers keep those on file; a stale version or an unchanged row is refused", async () => {
    const { data, merchantId } = await approvedMerchant();
    const db = await prisma();
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: merchantId } });
    const changed = edited(data, (d) => (d.merchant.phone = "13700002222"));
    const rows = [
      importRecord(edited(data, () => undefined), { merchantNo: merchant.merchantNo! }),
      importRecord(changed, { merchantNo: merchant.merchantNo!, merchantVersion: "7" }),
      importRecord(changed, { merchantNo: merchant.merchantNo!.toLowerCase(), merchantVersion: "1" }),
    ];
    const result = await importMerchantFile({ actor: await seedActor("CLERK"), input: { fileName: "changes.csv", bytes: csvBytes(rows) }, requestMeta });
    if (!("imported" in result)) throw new Error("expected a new import");
    expect(result.rejections).toEqual([
      { row: 2, column: "", message: "validation.change.nothingChanged" },
      { row: 3, column: "merchant_version", message: "imports.row.versionInForce", params: { version: 1 } },
    ]);
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: result.requests[0]!.changeRequestId } });
    expect(request).toMatchObject({ kind: "UPDATE", merchantId, baseVersion: 1, phone: "13700002222", accountLast4: data.account.accountNo.slice(-4) });
  });

  it("reads .xlsx (a number typed into the MCC column included) and GB18030 CSV with Chinese names intact", async () => {
    const db = await prisma();
    for (const [fileName, make] of [["merchants.xlsx", xlsxBytes], ["merchants.csv", (r: Record<string, string>[]) => csvBytes(r, "gb18030")]] as const) {
      const apps = [enterpriseApplication(), microApplication()];
      const result = await importMerchantFile({ actor: await seedActor("CLERK"), input: { fileName, bytes: await make(apps.map((a) => importRecord(a))) }, requestMeta });
      if (!("imported" in result)) throw new Error("expected a new import");
      expect(result.rejections, fileName).toEqual([]);
      const names = (await db.changeRequest.findMany({ where: { id: { in: result.requests.map((r) => r.changeRequestId) } } })).map((r) => r.legalName);
      expect(names.sort(), fileName).toEqual(apps.map((a) => a.merchant.legalName).sort());
      if (fileName.endsWith(".csv")) expect(result.encoding).toBe("gb18030");
    }
  });

  it("a long number typed into a number cell has lost digits in Excel: the row is refused at that column, never imported with a wrong number", async () => {
    const apps = [enterpriseApplication(), enterpriseApplication()];
    apps[1]!.account.accountNo = "6222021234567890123";
    const bytes = await xlsxBytes(apps.map((a) => importRecord(a)), (r, c) => c === "account_no" && r[c]!.length === 19);
    const result = await importMerchantFile({ actor: await seedActor("CLERK"), input: { fileName: "numbers.xlsx", bytes }, requestMeta });
    if (!("imported" in result)) throw new Error("expected a new import");
    expect(result.imported.accepted).toBe(1);
    expect(result.rejections).toEqual([{ row: 3, column: "account_no", message: "imports.row.lostDigits" }]);
  });

  it("refuses a clerk's-only job to other roles, a file with unknown or missing columns, and everything while read-only", async () => {
    const bytes = csvBytes([importRecord(enterpriseApplication())]);
    for (const role of ["SUPERVISOR", "AUDITOR", "ADMIN"] as const) {
      expect(await codeOf(importMerchantFile({ actor: await seedActor(role), input: { fileName: "x.csv", bytes }, requestMeta }))).toBe("FORBIDDEN");
    }
    const clerk = await seedActor("CLERK");
    const wrongHeader = new Uint8Array(Buffer.from("legal_name,colour\nACME,red\n"));
    const err = await importMerchantFile({ actor: clerk, input: { fileName: "bad.csv", bytes: wrongHeader }, requestMeta }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VALIDATION", fieldErrors: expect.objectContaining({ "column:colour": ["imports.file.unknownColumn"], "column:mcc": ["imports.file.missingColumn"] }) });
    expect(await codeOf(importMerchantFile({ actor: clerk, input: { fileName: "x.pdf", bytes: new Uint8Array([1, 2, 3]) }, requestMeta }))).toBe("VALIDATION");

    const db = await prisma();
    const before = { requests: await db.changeRequest.count(), imports: await db.merchantImport.count() };
    await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: true } });
    try {
      const fresh = csvBytes([importRecord(enterpriseApplication()), importRecord(enterpriseApplication())]);
      expect(await codeOf(importMerchantFile({ actor: clerk, input: { fileName: "ro.csv", bytes: fresh }, requestMeta }))).toBe("MAINTENANCE");
    } finally {
      await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: false } });
    }
    expect({ requests: await db.changeRequest.count(), imports: await db.merchantImport.count() }).toEqual(before);
  });

  it("dying mid-file leaves nothing behind — no request, no audit event, no import record — and the same file then imports whole", async () => {
    const clerk = await seedActor("CLERK");
    const bytes = csvBytes(Array.from({ length: 30 }, () => importRecord(enterpriseApplication())));
    const db = await prisma();
    const counts = async () => ({ requests: await db.changeRequest.count(), events: await db.auditEvent.count(), imports: await db.merchantImport.count() });
    const before = await counts();
    const crash = (p: { read: number }) => {
      if (p.read === 20) throw new Error("process killed");
    };
    await expect(importMerchantFile({ actor: clerk, input: { fileName: "crash.csv", bytes }, requestMeta, onProgress: crash })).rejects.toThrow("process killed");
    expect(await counts()).toEqual(before);

    const retried = await importMerchantFile({ actor: clerk, input: { fileName: "crash.csv", bytes }, requestMeta });
    expect("imported" in retried && retried.imported.accepted).toBe(30);
  });

  it("the same file uploaded twice at once is imported once", async () => {
    const bytes = csvBytes([importRecord(enterpriseApplication()), importRecord(enterpriseApplication())]);
    const [a, b] = await Promise.all([seedActor("CLERK"), seedActor("CLERK")]);
    const results = await Promise.all([a, b].map((actor) => importMerchantFile({ actor, input: { fileName: "twice.csv", bytes }, requestMeta })));
    expect(results.filter((r) => "imported" in r)).toHaveLength(1);
    expect(results.filter((r) => "duplicateOf" in r)).toHaveLength(1);
  });
});
