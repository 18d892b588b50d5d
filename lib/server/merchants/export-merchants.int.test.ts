import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { ensureReferenceRows } from "@/test/integration/applications";
import { codeOf } from "@/test/integration/outcomes";
import { approvedMerchant } from "@/test/integration/workflow";
import { exportMerchants } from "./export-merchants";

const requestMeta = meta();
let seeded: Awaited<ReturnType<typeof approvedMerchant>>[] = [];

beforeAll(async () => {
  await ensureReferenceRows();
  seeded = [await approvedMerchant(), await approvedMerchant(), await approvedMerchant()];
});

async function workbookText(body: string | Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value)))));
  return cells.join("\n");
}

describe("exporting approved merchants", () => {
  it("CSV and Excel carry every approved merchant at its version in force, account number and resident ID as last 4 only", async () => {
    const db = await prisma();
    for (const role of ["AUDITOR", "SUPERVISOR"] as const) {
      for (const format of ["csv", "xlsx"] as const) {
        const file = await exportMerchants({ actor: await seedActor(role), input: { format }, requestMeta });
        const text = typeof file.body === "string" ? file.body : await workbookText(file.body);
        if (format === "csv") expect(text.startsWith("\uFEFFmerchant_no,version,")).toBe(true);
        expect(file.rows).toBe(await db.merchant.count({ where: { version: { gt: 0 } } }));
        for (const { data } of seeded) {
          expect(text).toContain(data.merchant.legalName);
          expect(text).toContain(`****${data.account.accountNo.slice(-4)}`);
          expect(text).toContain(`****${data.merchant.legalRepId.slice(-4)}`);
          // No full number, whatever the format.
          expect(text).not.toContain(data.account.accountNo);
          expect(text).not.toContain(data.merchant.legalRepId);
          expect(text).not.toContain(data.account.accountNo.slice(0, 12));
        }
      }
    }
    expect(await db.auditEvent.count({ where: { action: "merchant.exported" } })).toBe(4);
  });

  it("takes the merchants list's filters, and records them with the row count", async () => {
    const db = await prisma();
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: seeded[1]!.merchantId } });
    const auditor = await seedActor("AUDITOR");
    const file = await exportMerchants({ actor: auditor, input: { format: "csv", q: merchant.merchantNo! }, requestMeta });
    expect(file.rows).toBe(1);
    expect(file.body).toContain(merchant.merchantNo!);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "merchant.exported", actorId: auditor.id } });
    expect(event.after).toEqual({ rows: 1, format: "csv", filters: { q: merchant.merchantNo }, truncated: false });
  });

  it("is refused to clerks and admins, and still allowed while read-only (an audited read)", async () => {
    for (const role of ["CLERK", "ADMIN"] as const) expect(await codeOf(exportMerchants({ actor: await seedActor(role), input: {}, requestMeta }))).toBe("FORBIDDEN");
    const db = await prisma();
    await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: true } });
    try {
      expect((await exportMerchants({ actor: await seedActor("AUDITOR"), input: { format: "csv" }, requestMeta })).rows).toBeGreaterThan(0);
    } finally {
      await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: false } });
    }
  });
});
