import type { Page } from "@playwright/test";
import { expect, expectAt, expectNoSeriousA11yViolations, test } from "./fixtures";
import { application, digits, reKey, row, shot, signInForBlock, submitApplication } from "./workflow-helpers";

/**
 * Maker → blind verifier → supervisor (SPEC §3.2–3.3), three people in three browsers: the clerk
 * enters applications through the form, clerk2 re-keys them blind, the supervisor decides.
 * Every request gets its own identifiers, so the spec runs on a database other specs share.
 */

test.describe.configure({ mode: "serial" });

test.describe("maker → blind verification → approval", () => {
  let clerk: Page, clerk2: Page, supervisor: Page;
  const mismatch = application("1000"); // re-keyed with a wrong account number
  const flagged = application("3910"); // verified, one low flag, approved one by one
  const plain = application("1000"); // verified, no flag, approved in bulk
  const refs = { mismatch: "", flagged: "", plain: "" };
  const ids = { mismatch: "", flagged: "", plain: "" };

  signInForBlock({ clerk: (p) => (clerk = p), clerk2: (p) => (clerk2 = p), supervisor: (p) => (supervisor = p) });

  test("the clerk submits three applications; none is in their own verification queue", async () => {
    test.setTimeout(120_000);
    for (const key of ["mismatch", "flagged", "plain"] as const) refs[key] = await submitApplication(clerk, { mismatch, flagged, plain }[key]);
    await clerk2.goto("/verify");
    for (const key of ["mismatch", "flagged", "plain"] as const) {
      const href = await row(clerk2, refs[key]).getByRole("link").getAttribute("href");
      ids[key] = href!.split("/").pop()!;
    }
    await clerk.goto("/verify");
    await expect(clerk.getByRole("heading", { level: 1, name: "待复核" })).toBeVisible();
    for (const reference of Object.values(refs)) await expect(row(clerk, reference)).toHaveCount(0);
    await expectNoSeriousA11yViolations(clerk, "/verify");
    // By address the maker gets a refusal, not the form.
    await clerk.goto(`/verify/${ids.flagged}`);
    await expect(clerk.getByRole("alert").filter({ hasText: "不能复核自己录入的申请" })).toContainText("须由另一位录入员复核");
    await expect(clerk.getByLabel("账号", { exact: true })).toHaveCount(0);
  });

  test("neither the maker nor the verifier can open the approval queue", async () => {
    for (const page of [clerk, clerk2]) {
      await page.goto("/approvals");
      await expectAt(page, "/forbidden");
    }
  });

  test("a re-key with one wrong field names only that field and returns the request", async () => {
    await clerk2.goto(`/verify/${ids.mismatch}`);
    await expect(clerk2.getByRole("heading", { level: 1 })).toHaveText(`复核 ${refs.mismatch}`);
    // Blind: none of the values to re-key reaches the verifier's browser, not even in the RSC payload.
    const html = await clerk2.content();
    for (const secret of [mismatch.accountNo, mismatch.cnaps, mismatch.creditCode, mismatch.legalName]) expect(html).not.toContain(secret);
    for (const label of ["统一社会信用代码", "账户名称", "账号", "联行号"]) await expect(clerk2.getByLabel(label, { exact: true })).toHaveValue("");
    await expectNoSeriousA11yViolations(clerk2, "/verify/[id]");
    await shot(clerk2, "verify");
    await reKey(clerk2, mismatch, { accountNo: `1100${digits(15)}` });
    const outcome = clerk2.getByRole("status").filter({ hasText: "以下字段不一致" });
    await expect(outcome).toContainText("以下字段不一致：账号");
    await expect(outcome).toContainText(`退回录入员 王录入 更正`);
    await expect(outcome).not.toContainText(mismatch.accountNo);
    await clerk2.goto("/verify");
    await expect(row(clerk2, refs.mismatch)).toHaveCount(0);
  });

  test("correct re-keys send the other two for approval", async () => {
    for (const key of ["flagged", "plain"] as const) {
      await clerk2.goto(`/verify/${ids[key]}`);
      await reKey(clerk2, { flagged, plain }[key]);
      await expect(clerk2.getByRole("status").filter({ hasText: "复核一致，已提交审批" })).toBeVisible();
    }
  });

  test("the supervisor bulk-approves only the request without flags", async () => {
    await supervisor.goto("/approvals");
    await expect(row(supervisor, refs.mismatch)).toHaveCount(0);
    await expect(row(supervisor, refs.flagged)).toContainText("1 项提示");
    await expect(row(supervisor, refs.flagged).getByRole("checkbox")).toBeDisabled();
    await expect(row(supervisor, refs.plain)).toContainText("无提示");
    await expectNoSeriousA11yViolations(supervisor, "/approvals");
    await row(supervisor, refs.plain).getByRole("checkbox").check();
    await shot(supervisor, "approvals");
    await supervisor.getByRole("button", { name: "批量批准所选（1）" }).click();
    await supervisor.getByRole("dialog").getByRole("button", { name: "批量批准所选（1）" }).click();
    await expect(supervisor.getByRole("status").filter({ hasText: "已批准 1 笔" })).toBeVisible();
    await expect(row(supervisor, refs.plain)).toHaveCount(0);
  });

  test("the verifier sees the review without decisions; the supervisor acknowledges the flag and approves", async () => {
    await clerk2.goto(`/change-requests/${ids.flagged}`);
    await expect(clerk2.getByRole("heading", { level: 1 })).toContainText(refs.flagged);
    await expect(clerk2.getByRole("button", { name: "批准" })).toHaveCount(0);

    await supervisor.goto("/approvals");
    await row(supervisor, refs.flagged).getByRole("link", { name: refs.flagged, exact: true }).click();
    await expectAt(supervisor, `/change-requests/${ids.flagged}`);
    await expect(supervisor.locator('tr[data-path="account.accountNo"]')).toContainText(`••••${flagged.accountNo.slice(-4)}`);
    await expect(supervisor.getByRole("cell", { name: "✓ 一致" }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(supervisor, "/change-requests/[id]");
    await shot(supervisor, "review");
    // Return needs a comment: the dialog says so and nothing is sent.
    await supervisor.getByRole("button", { name: "退回修改" }).click();
    await supervisor.getByRole("dialog").getByRole("button", { name: "确认退回" }).click();
    await expect(supervisor.getByRole("dialog")).toContainText("请填写退回意见");
    await expectNoSeriousA11yViolations(supervisor, "return dialog");
    await supervisor.keyboard.press("Escape");

    const stale = await supervisor.context().newPage();
    await stale.goto(supervisor.url());
    const approve = supervisor.getByRole("button", { name: "批准", exact: true });
    await expect(approve).toBeDisabled();
    const flag = supervisor.locator('[data-flag="BANK_AREA_MISMATCH"]');
    await expect(flag.getByRole("heading")).toHaveText("开户行所在地区（联行号地区代码）与经营地址不在同一省份");
    await expect(flag).toContainText("福建省");
    await flag.getByRole("checkbox", { name: /我已核实此项/ }).check();
    await approve.click();
    await expect(supervisor.getByRole("status").filter({ hasText: "已批准" })).toContainText("已生效");
    await expect(supervisor.getByRole("heading", { level: 1 })).toContainText("已生效");

    // The second tab still shows the old version: its approval is refused as a conflict.
    await stale.locator('[data-flag="BANK_AREA_MISMATCH"]').getByRole("checkbox").check();
    await stale.getByRole("button", { name: "批准", exact: true }).click();
    await expect(stale.getByRole("alert").filter({ hasText: "记录已被他人修改" })).toBeVisible();
    await stale.getByRole("button", { name: "刷新页面" }).click();
    await expect(stale.getByRole("heading", { level: 1 })).toContainText("已生效");
    await stale.close();
  });
});
