import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAt, expectNoSeriousA11yViolations, test } from "./fixtures";

/**
 * The merchant list and detail pages, on the demo merchants that seedDemoMerchants() creates at
 * start-up through the real workflow (lib/server/demo/seed-demo-merchants.ts).
 */

const SCREENSHOTS = path.resolve(__dirname, "..", "docs", "screenshots");
const DEMO_MERCHANT = "福州鼓楼示例超市有限公司";
const REASON = "与商户电话核对结算失败原因";
test.use({ viewport: { width: 1280, height: 800 } });

async function screenshot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

const rows = (page: Page) => page.getByRole("table", { name: "商户" }).locator("tbody tr");

/** Opens the list; skips the test when the server has no approved merchant to show. */
async function openListWithDemoMerchants(page: Page) {
  await page.goto("/merchants");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("商户");
  const empty = await page.getByText("还没有已入网的商户。").isVisible();
  test.skip(empty, "No approved merchant on this server: the demo merchants exist only once seedDemoMerchants() runs at start-up (lib/server/startup.ts).");
  await expect(rows(page).filter({ hasText: DEMO_MERCHANT })).toHaveCount(1);
}

async function openDemoMerchant(page: Page) {
  await openListWithDemoMerchants(page);
  await page.getByRole("link", { name: DEMO_MERCHANT, exact: true }).click();
  await expectAt(page, /^\/merchants\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_MERCHANT);
}

test.describe("merchants", () => {
  test("supervisor finds a merchant by number; the list passes axe", async ({ asRole }) => {
    const page = await asRole("SUPERVISOR");
    await openListWithDemoMerchants(page);
    const nav = page.getByRole("navigation", { name: "主导航" });
    // The section the supervisor is in is marked, and only that one.
    await expect(nav.getByRole("link", { name: "商户", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    expect(await rows(page).count()).toBeGreaterThanOrEqual(6);
    await expect(rows(page).first()).toContainText(/•••• \d{4}/);
    await expectNoSeriousA11yViolations(page, "merchant list");
    await screenshot(page, "merchants");

    const row = rows(page).filter({ hasText: DEMO_MERCHANT });
    const merchantNo = (await row.getAttribute("data-merchant-no"))!;
    expect(merchantNo).toMatch(/^\d{15}$/);
    const search = page.getByRole("searchbox", { name: "搜索" });
    await search.fill(merchantNo);
    await search.press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]q=${merchantNo}`));
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(DEMO_MERCHANT);
    await expect(page.getByText("共 1 条")).toBeVisible();

    // A number that matches nothing says so, and offers the way back.
    await page.getByRole("searchbox", { name: "搜索" }).fill("999999999999999");
    await page.getByRole("searchbox", { name: "搜索" }).press("Enter");
    await expect(page.getByText("没有符合条件的商户。")).toBeVisible();
    await page.getByRole("link", { name: "清除筛选条件" }).last().click();
    await expect(rows(page).filter({ hasText: DEMO_MERCHANT })).toHaveCount(1);
  });

  test("supervisor sees the version history and unmasks an account only with a reason", async ({ asRole }) => {
    const page = await asRole("SUPERVISOR");
    await openDemoMerchant(page);

    const history = page.getByRole("region", { name: "版本历史" });
    await expect(history.getByRole("heading", { name: /第 1 版/ })).toBeVisible();
    await expect(history).toContainText("由 张主管 审批生效");
    const diff = history.getByRole("table").first();
    for (const header of ["字段", "原值", "新值"]) await expect(diff.getByRole("columnheader", { name: header })).toBeVisible();
    await expect(diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "商户名称" }) })).toContainText(DEMO_MERCHANT);
    await expect(diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "账号" }) })).toContainText(/•••• \d{4}/);

    const accounts = page.getByRole("region", { name: "收款账户" });
    await expect(accounts).toContainText("当前生效");
    const last4 = (await accounts.locator("[data-account-status=IN_FORCE] .font-mono").first().innerText()).replace(/\D/g, "");
    await expectNoSeriousA11yViolations(page, "merchant detail");
    await screenshot(page, "merchant-detail");

    await accounts.getByRole("button", { name: `查看完整账号（尾号 ${last4}）` }).click();
    const dialog = page.getByRole("dialog", { name: `查看完整账号（尾号 ${last4}）` });
    await expect(dialog).toBeVisible();
    const reason = dialog.getByRole("textbox", { name: "查看理由" });
    await dialog.getByRole("button", { name: "查看", exact: true }).click();
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(reason).toHaveAccessibleDescription(/请填写查看完整账号的理由/);
    await expect(reason).toBeFocused();
    await expectNoSeriousA11yViolations(page, "unmask dialog with error");

    await reason.fill(REASON);
    await dialog.getByRole("button", { name: "查看", exact: true }).click();
    const number = dialog.getByTestId("unmasked-account-no");
    await expect(number).toHaveText(/^[\d ]+$/);
    const digits = (await number.innerText()).replace(/\D/g, "");
    expect(digits.endsWith(last4)).toBe(true);
    await expect(dialog).toContainText("本次查看已记入审计日志");

    await dialog.getByRole("button", { name: "关闭" }).click();
    await expect(dialog).toBeHidden();
    expect(await page.content()).not.toContain(digits);
  });

  test("a clerk sees the merchant but no unmask control", async ({ asRole }) => {
    const page = await asRole("CLERK");
    await openDemoMerchant(page);
    await expect(page.getByRole("region", { name: "收款账户" })).toContainText("当前生效");
    await expect(page.getByRole("button", { name: /查看完整账号/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "merchant detail as clerk");
  });
});
