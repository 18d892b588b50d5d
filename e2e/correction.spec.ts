import type { Page } from "@playwright/test";
import { expect, expectAt, expectNoSeriousA11yViolations, test } from "./fixtures";
import { application, digits, field, reKey, set, shot, signInForBlock, submitApplication } from "./workflow-helpers";

/**
 * A returned request comes back to its maker (SPEC §3.2): clerk2's blind re-key gets the account
 * number wrong, the maker sees which field differs (never a value), re-types it and resubmits;
 * a fresh blind verification and the supervisor's approval make the merchant's version 1.
 * The sealed numbers never reach the correction page: their fields start blank.
 */

test.describe.configure({ mode: "serial" });

test.describe("correcting a returned request", () => {
  let clerk: Page, clerk2: Page, supervisor: Page;
  const entered = application("1000");
  const wrongAccountNo = `1100${digits(15)}`;
  let reference = "";
  let id = "";
  const correctUrl = () => `/change-requests/${id}/correct`;

  signInForBlock({ clerk: (p) => (clerk = p), clerk2: (p) => (clerk2 = p), supervisor: (p) => (supervisor = p) });

  test("clerk2's re-key with a wrong account number returns it, naming only that field", async () => {
    test.setTimeout(120_000);
    reference = await submitApplication(clerk, entered);
    await clerk2.goto("/verify");
    const href = await clerk2.locator(`tr[data-reference="${reference}"]`).getByRole("link").getAttribute("href");
    id = href!.split("/").pop()!;
    await clerk2.goto(`/verify/${id}`);
    await reKey(clerk2, entered, { accountNo: wrongAccountNo });
    await expect(clerk2.getByRole("status").filter({ hasText: "以下字段不一致" })).toContainText("以下字段不一致：账号");
  });

  test("another clerk opening the correction address is refused", async () => {
    await clerk2.goto(correctUrl());
    await expectAt(clerk2, "/forbidden");
    await expect(clerk2.getByLabel("账号", { exact: true })).toHaveCount(0);
  });

  test("the maker finds it in My work and sees which field differs, without any number", async () => {
    await clerk.goto("/my-work");
    const returned = clerk.getByRole("region", { name: "退回待更正" }).locator(`li[data-reference="${reference}"]`);
    await expect(returned).toContainText("复核时不一致的字段：账号");
    await returned.getByRole("link", { name: `更正 ${reference}` }).click();
    await expectAt(clerk, correctUrl());
    await expect(clerk.getByRole("heading", { level: 1 })).toHaveText(`更正 ${reference}`);
    const reasons = clerk.getByRole("region", { name: "退回原因" });
    await expect(reasons).toContainText("以下字段与您录入的不一致：账号");
    await expect(reasons).not.toContainText("联行号");

    // Sealed numbers: blank, with their last 4 on file; the one found different must be re-typed.
    await expect(field(clerk, "account.accountNo")).toHaveValue("");
    await expect(field(clerk, "account.accountNo")).toHaveAccessibleDescription(new RegExp(`已存档号码尾号 ${entered.accountNo.slice(-4)}，复核时不一致：请对照原件重新输入完整号码`));
    await expect(field(clerk, "merchant.legalRepId")).toHaveValue("");
    await expect(field(clerk, "merchant.legalRepId")).toHaveAccessibleDescription(new RegExp(`已存档号码尾号 ${entered.legalRepId.slice(-4)}：留空即沿用原号码`));
    await expect(clerk.locator("[data-flagged]")).toHaveCount(1);
    await expect(clerk.locator("[data-flagged]").locator('[id="account.accountNo"]')).toHaveCount(1);
    // Everything else comes prefilled from the proposal.
    await expect(field(clerk, "merchant.legalName")).toHaveValue(entered.legalName);
    await expect(field(clerk, "account.cnaps")).toHaveValue(entered.cnaps);
    const html = await clerk.content();
    for (const secret of [entered.accountNo, entered.legalRepId, wrongAccountNo]) expect(html).not.toContain(secret);
    await expectNoSeriousA11yViolations(clerk, "/change-requests/[id]/correct");
    await shot(clerk, "correction");
  });

  test("left blank, the field found different is refused; a stale tab gets the conflict message", async () => {
    await clerk.getByRole("button", { name: "重新提交复核" }).click();
    await expect(clerk.getByRole("link", { name: /^账号：复核时发现此号码不一致/ })).toBeVisible();
    await expect(field(clerk, "account.accountNo")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousA11yViolations(clerk, "correction with errors");

    const stale = await clerk.context().newPage();
    await stale.goto(correctUrl());
    await set(clerk, "account.accountNo", entered.accountNo);
    await clerk.getByRole("button", { name: "重新提交复核" }).click();
    await expect(clerk.getByRole("status").filter({ hasText: `申请 ${reference} 已更正，等待重新复核。` })).toBeVisible();
    await expectAt(clerk, "/my-work");
    await expect(clerk.getByRole("region", { name: "退回待更正" }).locator(`li[data-reference="${reference}"]`)).toHaveCount(0);

    await set(stale, "account.accountNo", entered.accountNo);
    await stale.getByRole("button", { name: "重新提交复核" }).click();
    await expect(stale.getByText("记录已被他人修改，您的操作未生效。")).toBeVisible();
    await stale.close();
    // No longer returned: the address says so instead of offering the form.
    await clerk.goto(correctUrl());
    await expect(clerk.getByText("此申请当前状态为“待复核”，无需更正。")).toBeVisible();
    await expect(field(clerk, "account.accountNo")).toHaveCount(0);
  });

  test("a fresh blind verification matches, the supervisor approves: the merchant is at version 1", async () => {
    await clerk2.goto(`/verify/${id}`);
    await reKey(clerk2, entered);
    await expect(clerk2.getByRole("status").filter({ hasText: "复核一致，已提交审批" })).toBeVisible();

    await supervisor.goto(`/change-requests/${id}`);
    for (const flag of await supervisor.getByRole("checkbox", { name: /我已核实此项/ }).all()) await flag.check();
    await supervisor.getByRole("button", { name: "批准", exact: true }).click();
    await expect(supervisor.getByRole("status").filter({ hasText: "已批准" })).toContainText("已生效");

    await supervisor.goto(`/merchants?q=${entered.creditCode}`);
    await supervisor.getByRole("link", { name: entered.legalName, exact: true }).click();
    await expect(supervisor.getByRole("heading", { level: 1 })).toHaveText(entered.legalName);
    const history = supervisor.getByRole("region", { name: "版本历史" });
    await expect(history.getByRole("heading", { name: /第 1 版/ })).toBeVisible();
    await expect(history.getByRole("heading", { name: /第 2 版/ })).toHaveCount(0);
    await expect(supervisor.getByRole("region", { name: "收款账户" })).toContainText(entered.accountNo.slice(-4));
  });

  test("the maker may instead cancel a returned request, after confirming", async () => {
    test.setTimeout(120_000);
    const other = application("1000");
    const otherReference = await submitApplication(clerk, other);
    await clerk2.goto("/verify");
    const otherId = (await clerk2.locator(`tr[data-reference="${otherReference}"]`).getByRole("link").getAttribute("href"))!.split("/").pop()!;
    await clerk2.goto(`/verify/${otherId}`);
    await reKey(clerk2, other, { legalName: `${other.legalName}分公司` });
    await expect(clerk2.getByRole("status").filter({ hasText: "以下字段不一致" })).toContainText("账户名称");

    // From the request's own page too, the maker is pointed to the correction.
    await clerk.goto(`/change-requests/${otherId}`);
    await clerk.getByRole("link", { name: "去更正" }).click();
    await expectAt(clerk, `/change-requests/${otherId}/correct`);
    await expect(clerk.locator("[data-flagged]").locator('[id="account.accountName"]')).toHaveCount(1);
    await clerk.getByRole("button", { name: "撤销申请" }).click();
    const dialog = clerk.getByRole("dialog", { name: "撤销申请" });
    await expect(dialog).toContainText(`确定撤销申请 ${otherReference}？`);
    await expectNoSeriousA11yViolations(clerk, "cancel dialog");
    await dialog.getByRole("button", { name: "确认撤销" }).click();
    await expect(clerk.getByRole("status").filter({ hasText: `申请 ${otherReference} 已撤销。` })).toBeVisible();
    await expectAt(clerk, "/my-work");
    await clerk.goto(`/change-requests/${otherId}`);
    await expect(clerk.getByRole("heading", { level: 1 })).toContainText("已撤销");
  });
});
