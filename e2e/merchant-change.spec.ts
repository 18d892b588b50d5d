import type { Page } from "@playwright/test";
import { demoDocuments } from "../lib/domain/demo/demo-merchants";
import { expect, expectAt, expectNoSeriousA11yViolations, test } from "./fixtures";
import { digits, field, reKey, set, shot, signInForBlock } from "./workflow-helpers";

/**
 * Changes to an approved merchant (SPEC §3.3, issue 4 item 6), on a demo merchant seeded at
 * start-up (lib/server/demo/seed-demo-merchants.ts): the clerk changes the phone with the sealed
 * numbers left blank, clerk2 re-keys blind from the documents, the supervisor approves — version 2,
 * the history names the phone. Then suspend and reactivate, each approved by the supervisor.
 */

const DEMO = (({ terminalIds, ...documents }) => ({ ...documents, terminalId: terminalIds[0]! }))(demoDocuments("福州晋安示例药房有限公司"));
// Another demo merchant's (its terminal 35A10001).
const OTHER_CREDIT_CODE = demoDocuments("福州鼓楼示例超市有限公司").creditCode;

test.describe.configure({ mode: "serial" });

test.describe("changing an approved merchant", () => {
  let clerk: Page, clerk2: Page, supervisor: Page;
  const newPhone = `159${digits(8)}`;
  let merchantUrl = "";

  signInForBlock({ clerk: (p) => (clerk = p), clerk2: (p) => (clerk2 = p), supervisor: (p) => (supervisor = p) });

  const requestIdOf = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;
  const history = (page: Page) => page.getByRole("region", { name: "版本历史" });
  const versionEntry = (page: Page, version: number) => history(page).locator(`li[data-version="${version}"]`);
  const header = (page: Page) => page.locator("main h1 + p");

  async function approve(page: Page, changeRequestId: string) {
    await page.goto(`/change-requests/${changeRequestId}`);
    for (const flag of await page.getByRole("checkbox", { name: /我已核实此项/ }).all()) await flag.check();
    await page.getByRole("button", { name: "批准", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已批准" })).toContainText("已生效");
  }

  test("the clerk opens the demo merchant and its change page: prefilled, the sealed numbers blank with their last 4", async () => {
    await clerk.goto(`/merchants?q=${DEMO.creditCode}`);
    await clerk.getByRole("link", { name: DEMO.legalName, exact: true }).click();
    await expectAt(clerk, /^\/merchants\/[^/]+$/);
    merchantUrl = new URL(clerk.url()).pathname;
    await expect(header(clerk)).toContainText("正常");
    await clerk.getByRole("link", { name: "申请变更" }).click();
    await expectAt(clerk, `${merchantUrl}/change`);
    await expect(clerk.getByRole("heading", { level: 1 })).toHaveText(`变更 ${DEMO.legalName}`);
    await expect(clerk.getByText("基于第 1 版")).toBeVisible();

    await expect(field(clerk, "merchant.legalName")).toHaveValue(DEMO.legalName);
    await expect(field(clerk, "account.cnaps")).toHaveValue(DEMO.cnaps);
    await expect(field(clerk, "account.accountNo")).toHaveValue("");
    await expect(field(clerk, "account.accountNo")).toHaveAccessibleDescription(/已存档号码尾号 0303：留空即沿用原号码/);
    await expect(field(clerk, "merchant.legalRepId")).toHaveValue("");
    await expect(field(clerk, "merchant.legalRepId")).toHaveAccessibleDescription(/已存档号码尾号 \d{3}[\dX]：留空即沿用原号码/);
    expect(await clerk.content()).not.toContain(DEMO.accountNo);
    // Another merchant's credit code and terminal are duplicates; the merchant's own are not.
    const registered = clerk.getByText("该统一社会信用代码已登记为商户", { exact: false });
    const bound = clerk.getByText("该终端号已绑定其他商户", { exact: false });
    await set(clerk, "merchant.creditCode", OTHER_CREDIT_CODE);
    await expect(registered.first()).toBeVisible();
    await set(clerk, "merchant.creditCode", DEMO.creditCode);
    await expect(registered).toHaveCount(0);
    await set(clerk, "terminals.0.terminalId", "35A10001");
    await expect(bound.first()).toBeVisible();
    await set(clerk, "terminals.0.terminalId", DEMO.terminalId);
    await expect(bound).toHaveCount(0);
    await expectNoSeriousA11yViolations(clerk, "/merchants/[id]/change");
    await shot(clerk, "merchant-change");
  });

  test("unchanged, it is refused; with a new phone and the numbers blank it becomes a request to verify", async () => {
    await clerk.getByRole("button", { name: "提交变更" }).click();
    await expect(clerk.getByText(/未修改任何内容/)).toBeVisible();

    await set(clerk, "merchant.phone", newPhone);
    await clerk.getByRole("button", { name: "提交变更" }).click();
    await expect(clerk.getByRole("status").filter({ hasText: /变更申请 CR-\S+ 已提交，等待复核。/ })).toBeVisible();
    await expectAt(clerk, /^\/change-requests\/[^/]+$/);
    await expect(clerk.getByRole("heading", { level: 1 })).toContainText("待复核");

    // While it is open the merchant offers no other change, and says why.
    await clerk.goto(merchantUrl);
    await expect(clerk.getByRole("note").filter({ hasText: "变更待审批" })).toBeVisible();
    await expect(clerk.getByRole("link", { name: "申请变更" })).toHaveCount(0);
    await expect(clerk.getByRole("button", { name: "暂停商户" })).toHaveCount(0);
    await clerk.goto(`${merchantUrl}/change`);
    await expect(clerk.getByText("已有变更在处理中")).toBeVisible();
    await expect(field(clerk, "merchant.phone")).toHaveCount(0);
  });

  test("clerk2 re-keys blind from the documents, the supervisor approves: version 2, the history names the phone", async () => {
    await clerk.goto(merchantUrl);
    await clerk.getByRole("note").filter({ hasText: "变更待审批" }).getByRole("link").click();
    await expectAt(clerk, /^\/change-requests\/[^/]+$/);
    const id = requestIdOf(clerk);
    await clerk2.goto(`/verify/${id}`);
    await reKey(clerk2, DEMO);
    await expect(clerk2.getByRole("status").filter({ hasText: "复核一致，已提交审批" })).toBeVisible();

    await approve(supervisor, id);
    await supervisor.goto(merchantUrl);
    await expect(supervisor.getByRole("region", { name: "商户信息" })).toContainText("第 2 版");
    const phoneRow = versionEntry(supervisor, 2).getByRole("row").filter({ has: supervisor.getByRole("rowheader", { name: "联系电话" }) });
    await expect(phoneRow).toContainText("15959130303");
    await expect(phoneRow).toContainText(newPhone);
    await expect(versionEntry(supervisor, 2).getByRole("rowheader")).toHaveCount(1);
  });

  test("suspend: a reason is required; the supervisor sees kind and reason, approves, and the badge says suspended", async () => {
    await clerk.goto(merchantUrl);
    await clerk.getByRole("button", { name: "暂停商户" }).click();
    const dialog = clerk.getByRole("dialog", { name: "申请暂停商户" });
    await dialog.getByRole("button", { name: "提交暂停申请" }).click();
    await expect(dialog).toContainText("请填写理由（至少 5 个字）");
    const reason = "商户来函申请暂停营业三个月";
    await dialog.getByLabel("理由").fill(reason);
    await expectNoSeriousA11yViolations(clerk, "suspend dialog");
    await dialog.getByRole("button", { name: "提交暂停申请" }).click();
    await expect(clerk.getByRole("status").filter({ hasText: /申请 CR-\S+ 已提交，等待主管审批。/ })).toBeVisible();
    await expectAt(clerk, /^\/change-requests\/[^/]+$/);
    const id = requestIdOf(clerk);

    await supervisor.goto(`/change-requests/${id}`);
    await expect(supervisor.getByRole("heading", { level: 1 })).toContainText("待审批");
    const summary = supervisor.getByRole("region", { name: "状态变更" });
    await expect(summary).toContainText(reason);
    await expect(summary).toContainText("正常");
    await expect(summary).toContainText("已暂停");
    await expect(supervisor.getByText("暂停商户", { exact: true })).toBeVisible();
    await expect(supervisor.getByText("与当前已生效版本相比没有变更。")).toBeVisible();
    await expect(supervisor.getByRole("button", { name: "退回修改" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(supervisor, "status change review");
    await approve(supervisor, id);

    await supervisor.goto(merchantUrl);
    await expect(header(supervisor)).toContainText("已暂停");
    await expect(supervisor.getByRole("region", { name: "商户信息" })).toContainText("第 3 版");
    const statusRow = versionEntry(supervisor, 3).getByRole("row").filter({ has: supervisor.getByRole("rowheader", { name: "状态" }) });
    await expect(statusRow).toContainText("正常");
    await expect(statusRow).toContainText("已暂停");
    await supervisor.goto(`/merchants?q=${DEMO.creditCode}`);
    await expect(supervisor.getByRole("table", { name: "商户" }).locator("tbody tr").filter({ hasText: DEMO.legalName })).toContainText("已暂停");
  });

  test("reactivate likewise: the merchant is active again at version 4", async () => {
    await clerk.goto(merchantUrl);
    await expect(clerk.getByRole("button", { name: "暂停商户" })).toHaveCount(0);
    await clerk.getByRole("button", { name: "恢复商户" }).click();
    const dialog = clerk.getByRole("dialog", { name: "申请恢复商户" });
    await dialog.getByLabel("理由").fill("已电话核实商户恢复营业");
    await dialog.getByRole("button", { name: "提交恢复申请" }).click();
    await expectAt(clerk, /^\/change-requests\/[^/]+$/);
    await approve(supervisor, requestIdOf(clerk));

    await supervisor.goto(merchantUrl);
    await expect(header(supervisor)).toContainText("正常");
    await expect(supervisor.getByRole("region", { name: "商户信息" })).toContainText("第 4 版");
    await clerk.goto(merchantUrl);
    await expect(clerk.getByRole("button", { name: "暂停商户" })).toBeVisible();
  });
});
