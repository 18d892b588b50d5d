import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { application, field, set, shot, signInForBlock } from "./workflow-helpers";

// One shared database and later specs that write: read-only is on only for a moment, and the
// window is cancelled before it could start; afterAll cleans up even when a step fails.
test.describe.configure({ mode: "serial", timeout: 120_000 });

let admin: Page;
let clerk: Page;

/** The browser's datetime-local value (Asia/Shanghai, see playwright.config) `minutes` from now. */
const shanghaiLocal = (minutes: number) => new Date(Date.now() + minutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);

async function cleanUp() {
  await admin.goto("/admin/maintenance");
  const off = admin.getByRole("button", { name: "关闭只读模式" });
  if (await off.isVisible()) {
    await off.click();
    await expect(admin.getByRole("button", { name: "开启只读模式" })).toBeVisible();
  }
  for (let cancel = admin.getByRole("button", { name: /^取消维护窗口/ }).first(); await cancel.isVisible(); cancel = admin.getByRole("button", { name: /^取消维护窗口/ }).first()) {
    await cancel.click();
    await expect(admin.getByRole("status").filter({ hasText: "维护窗口已取消。" })).toBeVisible();
    await admin.reload();
  }
}

// Declared before signInForBlock's own afterAll, so it runs while the admin's browser is still open.
test.afterAll(async () => {
  if (admin) await cleanUp();
});
signInForBlock({ admin: (p) => (admin = p), clerk: (p) => (clerk = p) });

test("an admin announces a window: every signed-in user sees the banner with a live countdown", async () => {
  await admin.goto("/admin/maintenance");
  await expect(admin.getByRole("heading", { name: "系统维护", level: 1 })).toBeVisible();
  // Refusals first: end before start.
  await field(admin, "startsAt").fill(shanghaiLocal(60));
  await field(admin, "endsAt").fill(shanghaiLocal(30));
  await admin.getByRole("button", { name: "安排并公告" }).click();
  await expect(admin.getByText("结束时间必须晚于开始时间。").first()).toBeVisible();
  // set() blurs each field, so the re-validated error list settles before the click.
  // Far enough ahead that a slow machine cannot reach it mid-test; the countdown is checked by shape.
  await set(admin, "startsAt", shanghaiLocal(40));
  await set(admin, "endsAt", shanghaiLocal(70));
  await set(admin, "messageZh", "数据库版本升级，期间系统只读。");
  await set(admin, "messageEn", "Database upgrade; the system is read-only meanwhile.");
  await admin.getByRole("button", { name: "安排并公告" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "维护窗口已安排。" })).toBeVisible();
  await expect(admin.getByRole("cell", { name: "数据库版本升级" })).toBeVisible();
  await expect(admin.getByRole("cell", { name: "已安排" })).toBeVisible();
  await expect(admin.getByRole("status").filter({ hasText: "维护窗口已安排。" })).toBeHidden({ timeout: 10_000 }); // the toast would hide the cancel button
  await shot(admin, "admin-maintenance");
  await expectNoSeriousA11yViolations(admin);

  await clerk.goto("/my-work");
  const banner = clerk.getByTestId("maintenance-banner");
  await expect(banner).toContainText("系统维护公告");
  await expect(banner).toContainText("数据库版本升级，期间系统只读。");
  const countdown = banner.getByText(/距开始还有 [34]\d 分 \d\d 秒/);
  await expect(countdown).toBeVisible();
  const first = await countdown.textContent();
  await expect.poll(async () => countdown.textContent(), { timeout: 5_000 }).not.toBe(first);
  await shot(clerk, "maintenance-banner");
});

test("read-only on: the clerk's submission is refused with the read-only message and the entry is kept; off again, it goes through", async () => {
  const v = application("1000");
  await clerk.goto("/applications/new");
  await expect(field(clerk, "merchant.divisionCode")).toBeEnabled();
  await field(clerk, "merchant.mcc").selectOption("5411");
  await field(clerk, "account.bankCode").selectOption("102");
  const values: [string, string][] = [
    ["merchant.legalName", v.legalName], ["merchant.receiptName", "示例商贸"], ["merchant.creditCode", v.creditCode], ["merchant.phone", v.phone],
    ["merchant.legalRepName", "林示例"], ["merchant.legalRepId", v.legalRepId], ["merchant.divisionCode-code", "110101"], ["merchant.street", "东长安街 1 号"],
    ["account.accountName", v.legalName], ["account.accountNo", v.accountNo], ["account.branchName", "中国工商银行北京东城支行"], ["account.cnaps", v.cnaps],
    ["terminals.0.terminalId", v.terminalId], ["terminals.0.serialNo", v.serialNo], ["terminals.0.installAddress", "东长安街 1 号收银台"],
  ];
  for (const [path, value] of values) await set(clerk, path, value);

  await admin.goto("/admin/maintenance");
  await admin.getByRole("button", { name: "开启只读模式" }).click();
  await expect(admin.getByTestId("maintenance-state")).toContainText("只读");
  try {
    await clerk.getByRole("button", { name: "提交申请" }).click();
    await expect(clerk.getByText(/系统维护中，当前为只读模式，本次操作没有执行。/).first()).toBeVisible();
    await expect(field(clerk, "merchant.legalName")).toHaveValue(v.legalName);
    await expect(field(clerk, "account.accountNo")).toHaveValue(v.accountNo);
    await expect(clerk.getByTestId("maintenance-banner")).toContainText("系统维护中：当前为只读模式。");
    await expect(field(clerk, "merchant.legalName")).toHaveValue(v.legalName);
    await shot(clerk, "maintenance-read-only-refusal");
  } finally {
    await admin.getByRole("button", { name: "关闭只读模式" }).click();
    await expect(admin.getByTestId("maintenance-state")).toContainText("正常运行");
  }
  await clerk.getByRole("button", { name: "提交申请" }).click();
  await expect(clerk.getByRole("status").filter({ hasText: /申请已提交，编号 CR-/ })).toBeVisible();
});

test("the admin status page reports the maintenance state in plain words", async () => {
  await admin.goto("/admin/status");
  const list = admin.getByTestId("status-list");
  await expect(list).toContainText("数据库");
  await expect(list).toContainText("下一个维护窗口");
  await expect(list).toContainText("后台任务");
  await expectNoSeriousA11yViolations(admin);
});

test("the admin calls the window off before it starts: the banner goes away", async () => {
  await cleanUp();
  await expect(admin.getByRole("cell", { name: "已取消" })).toBeVisible();
  await clerk.goto("/my-work");
  await expect(clerk.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(clerk.getByTestId("maintenance-banner")).toHaveCount(0);
});
