import fs from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import Papa from "papaparse";
import { TEMPLATE_COLUMNS } from "../lib/domain/imports/columns";
import { expect, expectNoSeriousA11yViolations, signedInPage, test } from "./fixtures";
import { application, shot, type Application } from "./workflow-helpers";

/**
 * Bulk import (issue 7 item 5): a clerk imports a small file with one bad row, downloads the error
 * report, the same file again changes nothing, and the good rows wait for another clerk's blind
 * re-key; the auditor exports the merchants, masked.
 */

test.describe.configure({ mode: "serial" });

function row(v: Application, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    merchant_type: "ENTERPRISE", legal_name: v.legalName, receipt_name: "示例商贸", credit_code: v.creditCode, legal_rep_name: "林示例", legal_rep_id: v.legalRepId,
    phone: v.phone, mcc: "5411", division_code: "110101", street: "东长安街 1 号", account_type: "CORPORATE", account_name: v.legalName, account_no: v.accountNo,
    bank_code: "102", branch_name: "中国工商银行北京东城支行", cnaps: v.cnaps, terminal_1_id: v.terminalId, terminal_1_serial: v.serialNo, terminal_1_address: "东长安街 1 号收银台",
    ...overrides,
  };
}

const csv = (rows: Record<string, string>[]) =>
  Buffer.from(`\uFEFF${[TEMPLATE_COLUMNS.join(","), ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? "").join(","))].join("\r\n")}\r\n`, "utf8");

test.describe("bulk import and export", () => {
  let clerk: Page;
  let context: BrowserContext;
  const good = [application("1000"), application("1000")];
  const bad = application("1000");
  // Row 3 of the file: its credit code's check character is wrong.
  const file = { name: "新商户-导入.csv", mimeType: "text/csv", buffer: csv([row(good[0]!), row(bad, { credit_code: `${bad.creditCode.slice(0, -1)}${bad.creditCode.endsWith("0") ? "1" : "0"}` }), row(good[1]!)]) };
  let opened: string[] = [];

  test.beforeAll(async ({ browser }) => {
    ({ context, page: clerk } = await signedInPage(browser, "clerk"));
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("a clerk imports a file with one bad row: two change requests, a downloadable error report", async () => {
    await clerk.goto("/");
    await clerk.getByRole("link", { name: "批量导入" }).first().click();
    await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("批量导入");
    await expectNoSeriousA11yViolations(clerk);

    const template = clerk.waitForEvent("download");
    await clerk.getByRole("link", { name: "下载 CSV 模板" }).click();
    expect(fs.readFileSync((await (await template).path())!, "utf8")).toContain("merchant_no,merchant_version,merchant_type,legal_name");

    await clerk.getByLabel(/导入文件/).setInputFiles(file);
    await clerk.getByRole("button", { name: "导入", exact: true }).click();
    const result = clerk.getByRole("status").filter({ hasText: /导入 IMP-\d{8}-[0-9A-F]{6} 已完成/ });
    await expect(result).toContainText("生成 2 条变更申请，1 行有错误");
    await expect(clerk.getByTestId("import-progress")).toContainText("已读取 3 / 3 行 · 通过 2 行 · 有错误 1 行");
    await expect(result).toContainText("行号 3 · credit_code · 校验位不符");
    await result.getByText(/已生成的变更申请/).click();
    opened = await result.locator("[data-change-request]").evaluateAll((links) => links.map((a) => a.getAttribute("data-change-request")!));
    expect(opened).toHaveLength(2);
    await expectNoSeriousA11yViolations(clerk, "/imports (result)");
    await shot(clerk, "import");

    const report = clerk.waitForEvent("download");
    await result.getByRole("link", { name: "下载错误报告（CSV）" }).click();
    const text = fs.readFileSync((await (await report).path())!, "utf8");
    expect(text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("行号,列,错误说明");
    expect(text).toMatch(/^\uFEFF?行号,列,错误说明\r?\n3,credit_code,校验位不符/);
    await expect(clerk.locator("tr[data-import]").first()).toContainText("新商户-导入.csv");
  });

  test("the same file again creates nothing and names the earlier import", async () => {
    await clerk.getByLabel(/导入文件/).setInputFiles(file);
    await clerk.getByRole("button", { name: "导入", exact: true }).click();
    const answer = clerk.getByRole("status").filter({ hasText: "该文件已于" });
    await expect(answer).toContainText(/导入编号 IMP-\d{8}-[0-9A-F]{6}（通过 2 行，有错误 1 行）。本次未生成任何新内容。/);
    await shot(clerk, "import-duplicate");
  });

  test("the good rows wait for another clerk's blind re-key, not the importing clerk's", async ({ browser }) => {
    const other = await signedInPage(browser, "clerk2");
    for (const id of opened) {
      await other.page.goto(`/verify/${id}`);
      await expect(other.page.getByRole("button", { name: "提交复核结果" })).toBeVisible();
      await expect(other.page.getByText(good[0]!.legalName)).toHaveCount(0);
    }
    await other.context.close();
    await clerk.goto(`/verify/${opened[0]}`);
    await expect(clerk.getByRole("button", { name: "提交复核结果" })).toHaveCount(0);
  });

  test("the auditor exports merchants from /merchants: masked CSV and Excel", async ({ browser }) => {
    const { page: auditor, context: auditorContext } = await signedInPage(browser, "auditor");
    await auditor.goto("/merchants");
    const csvDownload = auditor.waitForEvent("download");
    await auditor.getByRole("link", { name: "导出 CSV" }).click();
    const text = fs.readFileSync((await (await csvDownload).path())!, "utf8");
    expect(text.startsWith("\uFEFFmerchant_no,version,status")).toBe(true);
    // Account numbers and resident IDs leave as their last 4 only.
    const [header, ...records] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(records.length).toBeGreaterThan(0);
    for (const column of ["account_no_last4", "legal_rep_id_last4"]) {
      const at = header!.indexOf(column);
      for (const record of records) expect(record[at]).toMatch(/^(\*{4}[\dX]{4})?$/);
    }
    const xlsx = auditor.waitForEvent("download");
    await auditor.getByRole("link", { name: "导出 Excel" }).click();
    expect((await xlsx).suggestedFilename()).toMatch(/^merchants-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await auditorContext.close();
  });
});
