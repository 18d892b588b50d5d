import { devices, type Browser, type Page } from "@playwright/test";
import { expect, expectAt, expectNoSeriousA11yViolations, signedInPage, test } from "./fixtures";
import { shot } from "./workflow-helpers";

/**
 * The public cardholder report page (SPEC §3.10; issue 6 item 4): a cardholder on a phone, not
 * signed in, reports a demo terminal (35A10002, the demo supermarket's second till —
 * lib/server/demo/seed-demo-merchants.ts); an auditor finds the case linked to that supermarket.
 * Each cardholder browser reports from an address of its own (X-Forwarded-For), so the per-address
 * limit is exercised without touching what other specs send from 127.0.0.1.
 */

// Scale 1: the screenshots stay small; layout is what a 412-pixel-wide phone gets.
const PHONE = { ...devices["Pixel 7"], deviceScaleFactor: 1 };
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
let cardholders = 0;
/** The e2e database is fresh each run: one address per cardholder browser is enough. */
const nextIp = () => `198.51.100.${++cardholders}`;

async function cardholderPhone(browser: Browser) {
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN", timezoneId: "Asia/Shanghai", extraHTTPHeaders: { "x-forwarded-for": nextIp() } });
  return { context, page: await context.newPage() };
}

const input = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function fillReport(page: Page, values: { terminalId?: string; payeeShown: string }) {
  await input(page, "终端编号").fill(values.terminalId ?? "");
  await input(page, "显示的收款方").fill(values.payeeShown);
  await input(page, "付款日期").fill(today());
}

test.describe.configure({ mode: "serial" });

test.describe("a cardholder reports a terminal that showed another payee", () => {
  let reference = "";

  test("on a phone, without signing in: errors in the summary, then a reference number", async ({ browser }) => {
    const { context, page } = await cardholderPhone(browser);
    await page.goto("/report");
    await expectAt(page, "/report");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("举报：付款时显示的收款方不对");
    await expect(page.getByRole("region", { name: "怎样看收款方、商户编号和终端编号" })).toContainText("每台刷卡机一个");

    await page.getByRole("button", { name: "提交举报" }).click();
    const summary = page.getByRole("alert", { name: /提交失败/ });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("终端编号：请填写终端编号或商户名称（至少一项）。");
    await expect(summary).toContainText("显示的收款方：请填写签购单或账单上显示的收款方名称。");
    await expect(summary).toContainText("付款日期：请选择付款日期。");

    await fillReport(page, { terminalId: "35a10002", payeeShown: "福州某某贸易有限公司" });
    await input(page, "金额（元，选填）").fill("58.555");
    await input(page, "联系方式（选填）").fill("12345");
    await page.getByRole("button", { name: "提交举报" }).click();
    await expect(summary).toContainText("金额（元，选填）：金额请填写大于 0 的数字");
    await expect(summary).toContainText("联系方式（选填）：请填写有效的手机号");
    await expect(summary).not.toContainText("至少一项");
    await expect(page.getByText("请填写终端编号或商户名称（至少一项）。")).toHaveCount(0);
    await shot(page, "cardholder-report-errors", PHONE.viewport);

    await input(page, "金额（元，选填）").fill("58.50");
    await input(page, "联系方式（选填）").fill("13905910101");
    await input(page, "补充说明（选填）").fill("在鼓楼示例超市 2 号收银台刷卡，小票上的收款方是另一家公司。");
    await page.getByRole("button", { name: "提交举报" }).click();
    const received = page.getByTestId("report-received");
    await expect(received).toContainText("已收到您的举报，谢谢！");
    reference = (await page.getByTestId("report-reference").textContent())!.trim();
    expect(reference).toMatch(/^CASE-\d{8}-[0-9A-F]{8}$/);
    await expect(received).not.toContainText("鼓楼示例超市");
    await shot(page, "cardholder-report-received", { width: PHONE.viewport.width, height: 700 });
    await expectNoSeriousA11yViolations(page, "/report after a report");
    await page.getByRole("button", { name: "再提交一份举报" }).click();
    await expectNoSeriousA11yViolations(page, "/report");
    await shot(page, "cardholder-report", PHONE.viewport);
    await context.close();
  });

  test("the auditor finds the case linked to the terminal and its merchant", async ({ browser }) => {
    const { context, page } = await signedInPage(browser, "auditor");
    await page.goto(`/cases?q=${reference}`);
    const row = page.locator(`tr[data-reference="${reference}"]`);
    await expect(row).toContainText("持卡人举报");
    await row.getByRole("link", { name: reference }).click();
    await expectAt(page, /^\/cases\/[^/]+$/);
    const links = page.getByRole("region", { name: "关联记录" });
    await expect(links).toContainText("35A10002");
    await expect(links.getByRole("link", { name: /鼓楼示例超市/ })).toBeVisible();
    const facts = page.getByRole("region", { name: "案情" });
    await expect(facts).toContainText("小票上的收款方是另一家公司");
    await expect(facts).toContainText("福州某某贸易有限公司");
    await expect(facts).toContainText("58.50");

    // The same public page, signed in: nothing more is shown to staff.
    await page.goto("/report");
    await expectAt(page, "/report");
    await expect(page.getByRole("button", { name: "提交举报" })).toBeVisible();
    await context.close();
  });

  test("an unknown terminal gets the same answer; the sixth report in an hour from one address is refused", async ({ browser }) => {
    const { context, page } = await cardholderPhone(browser);
    await page.goto("/report");
    for (let i = 1; i <= 5; i++) {
      await fillReport(page, { terminalId: i === 1 ? "ZZ000001" : "35A10002", payeeShown: `测试收款方${i}` });
      await page.getByRole("button", { name: "提交举报" }).click();
      await expect(page.getByTestId("report-received")).toContainText("已收到您的举报，谢谢！");
      await expect(page.getByTestId("report-reference")).toHaveText(/^CASE-\d{8}-[0-9A-F]{8}$/);
      await page.getByRole("button", { name: "再提交一份举报" }).click();
    }
    await fillReport(page, { terminalId: "35A10002", payeeShown: "测试收款方6" });
    await page.getByRole("button", { name: "提交举报" }).click();
    await expect(page.getByRole("alert", { name: /提交失败/ })).toContainText(/每小时 5 份），请 (59|60) 分钟后再提交/);
    await expect(page.getByTestId("report-received")).toHaveCount(0);
    await context.close();
  });

  test("the sign-in page points cardholders to the report page", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: /持卡人：发现收款方不符/ }).click();
    await expectAt(page, "/report");
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report: the payment showed the wrong payee");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByRole("alert", { name: /problem/ })).toContainText("Payee shown: Enter the payee name shown on the slip or in the bill.");
    await context.close();
  });
});
