import type { Page } from "@playwright/test";
import type { TRole } from "../lib/domain/permissions";
import { DEMO_PASSWORD, DEMO_USERS, expect, expectAt, pathOf, signIn, signOut, test } from "./fixtures";

/**
 * Navigation entries and who must see them, written from the product rules (not read from
 * lib/domain/navigation.ts). A link in the main navigation that is not listed here fails the
 * test, so a new entry has to be classified.
 */
const NAV_VISIBLE_TO: Record<string, { en: string; roles: readonly TRole[] | "all" }> = {
  工作台: { en: "Home", roles: "all" },
  运营看板: { en: "Dashboard", roles: ["SUPERVISOR", "AUDITOR"] },
  我的工作: { en: "My work", roles: ["CLERK"] },
  新建进件: { en: "New application", roles: ["CLERK"] },
  批量导入: { en: "Bulk import", roles: ["CLERK"] },
  商户: { en: "Merchants", roles: ["CLERK", "SUPERVISOR", "AUDITOR"] },
  变更申请: { en: "Change requests", roles: ["CLERK", "SUPERVISOR", "AUDITOR"] },
  待复核: { en: "To verify", roles: ["CLERK"] },
  待确认账户变更: { en: "Account changes to confirm", roles: ["CLERK"] },
  待审批: { en: "To approve", roles: ["SUPERVISOR"] },
  审计日志: { en: "Audit trail", roles: ["AUDITOR"] },
  日志链校验: { en: "Chain verification", roles: ["AUDITOR", "ADMIN"] },
  抽查活动: { en: "Spot checks", roles: ["AUDITOR"] },
  我的抽查: { en: "My spot checks", roles: ["AUDITOR"] },
  案件: { en: "Cases", roles: ["AUDITOR"] },
  交易对账: { en: "Reconciliation", roles: ["AUDITOR"] },
  用户管理: { en: "Users", roles: ["ADMIN"] },
  参考数据: { en: "Reference data", roles: ["ADMIN"] },
  系统设置: { en: "Settings", roles: ["ADMIN"] },
  系统维护: { en: "Maintenance", roles: ["ADMIN"] },
  系统状态: { en: "System status", roles: ["ADMIN"] },
  "API 令牌": { en: "API tokens", roles: ["ADMIN"] },
  "API 文档": { en: "API documentation", roles: ["ADMIN"] },
  角色与职责: { en: "Roles and duties", roles: "all" },
};

const ROLE_NAMES: Record<TRole, { "zh-CN": string; en: string }> = {
  CLERK: { "zh-CN": "录入员", en: "Clerk" },
  SUPERVISOR: { "zh-CN": "复核主管", en: "Supervisor" },
  AUDITOR: { "zh-CN": "稽核员", en: "Auditor" },
  ADMIN: { "zh-CN": "管理员", en: "Administrator" },
};

test.describe.configure({ timeout: 120_000 });

async function localeSwitch(page: Page) {
  return page.getByRole("button", { name: /^(切换为 English|Switch to 中文)$/ });
}

/** Switches the UI language with the header/sign-in button and waits for the page to follow. */
async function switchLocaleTo(page: Page, locale: "en" | "zh-CN") {
  const name = locale === "en" ? "切换为 English" : "Switch to 中文";
  await page.getByRole("button", { name }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test.describe("sign-in page language", () => {
  test("is Chinese by default; switching to English changes the text and survives a reload", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
    await expect(page).toHaveTitle(/^登录 · 收款账户守护$/);
    await expect(page.getByLabel("用户名", { exact: true })).toBeVisible();
    await expect(page.getByLabel("密码", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "登录", exact: true })).toBeVisible();

    await switchLocaleTo(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expect(page.getByLabel("Username", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
    await expect(page.getByText("用户名")).toHaveCount(0);

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expect(page).toHaveTitle(/^Sign in · PayeeGuard$/);

    // …and back.
    await switchLocaleTo(page, "zh-CN");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
    await expect(await localeSwitch(page)).toHaveText("English");
  });
});

test.describe("every demo user sees only their role's navigation", () => {
  for (const user of Object.values(DEMO_USERS)) {
    test(`${user.username} (${user.role})`, async ({ page }) => {
      await signIn(page, user.username);
      // Every demo user starts in Chinese; clerk2 may be mid-way through the per-user language test.
      const lang = (await page.locator("html").getAttribute("lang")) === "en" ? "en" : "zh-CN";
      if (user.username !== DEMO_USERS.clerk2.username) expect(lang).toBe("zh-CN");
      const role = ROLE_NAMES[user.role][lang];
      await expect(page.getByText(lang === "en" ? `Signed in as ${user.displayName} (${role})` : `当前用户：${user.displayName}（${role}）`)).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "en" ? `Hello, ${user.displayName}` : `您好，${user.displayName}`);

      const nav = page.getByRole("navigation", { name: lang === "en" ? "Main navigation" : "主导航" });
      // The entry's own label, without the "what waits on you" count badge some entries carry.
      const shown = await nav.getByRole("link").evaluateAll((links) =>
        links.map((a) => {
          const label = a.cloneNode(true) as HTMLElement;
          label.querySelectorAll("span").forEach((badge) => badge.remove());
          return (label.textContent ?? "").trim();
        }),
      );
      const labelOf = (zh: string) => (lang === "en" ? NAV_VISIBLE_TO[zh]!.en : zh);
      const known = new Set(Object.keys(NAV_VISIBLE_TO).map(labelOf));
      expect(shown.filter((label) => !known.has(label)), "navigation entries nobody classified in NAV_VISIBLE_TO").toEqual([]);
      const expected = Object.entries(NAV_VISIBLE_TO)
        .filter(([, rule]) => rule.roles === "all" || rule.roles.includes(user.role))
        .map(([zh]) => labelOf(zh));
      expect([...shown].sort()).toEqual(expected.sort());
      if (user.role === "ADMIN") expect(shown).toContain(labelOf("用户管理"));
      else expect(shown).not.toContain(labelOf("用户管理"));
    });
  }
});

test.describe("sign-in errors", () => {
  test("a wrong password is refused with the message in the error summary", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("用户名").fill(DEMO_USERS.supervisor2.username);
    await page.getByLabel("密码").fill("not-the-password-1");
    await page.getByLabel("密码").press("Enter");

    const summary = page.getByRole("alert").filter({ hasText: "提交失败" });
    await expect(summary).toBeVisible();
    await expect(summary).toContainText("用户名或密码不正确。连续失败 5 次将锁定账户 15 分钟。");
    await expect(summary).toBeFocused();
    expect(pathOf(page)).toBe("/sign-in");
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("__Host-payeeguard_session");
    await page.goto("/");
    await expectAt(page, "/sign-in");

    // The right password still works (and clears the failure count, so supervisor2 never nears a lockout).
    await signIn(page, DEMO_USERS.supervisor2.username);
  });

  test("an empty submit shows every error, at both fields and in the summary", async ({ page }) => {
    const actionCalls: string[] = [];
    page.on("request", (r) => r.method() === "POST" && actionCalls.push(r.url()));
    await page.goto("/sign-in");
    await expect(page.getByLabel("用户名")).toBeFocused(); // autofocus
    await page.keyboard.press("Enter");

    const summary = page.getByRole("alert").filter({ hasText: "提交失败" });
    await expect(summary.getByRole("heading")).toHaveText("提交失败，请修正以下 2 处问题：");
    await expect(summary.getByRole("listitem")).toHaveText(["用户名：此项必填。", "密码：此项必填。"]);
    // (Where the focus goes is checked in "keyboard after an error" below.)

    // Each field carries its own message, tied to it for screen readers.
    for (const label of ["用户名", "密码"]) {
      const field = page.getByLabel(label, { exact: true });
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveAccessibleDescription("此项必填。");
    }
    await expect(page.locator("#username-error")).toHaveText("此项必填。");
    await expect(page.locator("#password-error")).toHaveText("此项必填。");
    expect(actionCalls, "an empty form must not be sent").toEqual([]);

    // Correcting the form by keyboard lets the user in.
    await page.getByLabel("用户名", { exact: true }).focus();
    await page.keyboard.type(DEMO_USERS.supervisor.username);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("密码", { exact: true })).toBeFocused();
    await expect(page.locator("#username-error")).toHaveCount(0); // re-validated on leaving the field
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await expectAt(page, "/");
  });
});

test.describe("keyboard after an error", () => {
  // Regression: the summary once focused itself only in the render where the submit counter
  // changed; on the first client-side refusal the errors arrived a render later and the focus
  // fell to <body>.
  test("the first refused submit moves the focus to the error summary", async ({ page }) => {
    await page.goto("/sign-in");
    await page.keyboard.press("Enter");
    const summary = page.getByRole("alert").filter({ hasText: "提交失败" });
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused({ timeout: 3_000 });
  });

  test("later refusals, client-side or from the server, focus the summary", async ({ page }) => {
    await page.goto("/sign-in");
    await page.keyboard.press("Enter");
    const summary = page.getByRole("alert").filter({ hasText: "提交失败" });
    await expect(summary).toBeVisible();
    await page.getByLabel("密码", { exact: true }).press("Enter");
    await expect(summary).toBeFocused();
    await page.getByLabel("用户名", { exact: true }).fill(`nobody-${Date.now()}`);
    await page.getByLabel("密码", { exact: true }).fill("not-a-password-1");
    await page.getByLabel("密码", { exact: true }).press("Enter");
    await expect(summary).toContainText("用户名或密码不正确");
    await expect(summary).toBeFocused();
  });

  // Regression: the error summary used to re-take the focus on every re-render of the form, so
  // after one failed submit the first key typed into a field sent the focus away ("clerk" → "c").
  test("typing into a field after a failed submit keeps the focus in that field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "提交失败" })).toBeVisible();
    const username = page.getByLabel("用户名", { exact: true });
    await username.click();
    await page.keyboard.type("clerk", { delay: 30 });
    await expect(username).toHaveValue("clerk");
    await expect(username).toBeFocused();
    // Leaving the field re-validates it without pulling the focus back to the summary.
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("密码", { exact: true })).toBeFocused();
    await page.keyboard.type("x", { delay: 30 });
    await expect(page.getByLabel("密码", { exact: true })).toHaveValue("x");
  });

  test("a link in the error summary takes the keyboard to its field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.keyboard.press("Enter");
    const summary = page.getByRole("alert").filter({ hasText: "提交失败" });
    await summary.getByRole("link", { name: "密码：此项必填。" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("密码", { exact: true })).toBeFocused();
  });
});

test.describe("sign-out", () => {
  test("ends the session on the server: / sends you to sign-in, and the old cookie is dead", async ({ page, browser }) => {
    await signIn(page, DEMO_USERS.auditor.username);
    const before = await page.context().storageState();
    await signOut(page);
    await page.goto("/");
    await expectAt(page, "/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");

    // Replaying the cookie from before sign-out must not get back in.
    const replay = await browser.newContext({ storageState: before });
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    await expectAt(replayPage, "/sign-in");
    await replay.close();
  });
});

test.describe("language is remembered per user", () => {
  test("clerk2 chooses English; it follows clerk2 to a clean browser, and does not leak to clerk", async ({ page, browser }) => {
    const clerk2 = DEMO_USERS.clerk2.username;
    await signIn(page, clerk2);
    try {
      // Start from Chinese whatever an earlier, interrupted run left behind.
      if ((await page.locator("html").getAttribute("lang")) === "en") await switchLocaleTo(page, "zh-CN");
      await switchLocaleTo(page, "en");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${DEMO_USERS.clerk2.displayName}`);
      await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Home" })).toBeVisible();
      await signOut(page);

      // Same browser, cookies gone: the language comes back from the user's saved preference.
      await page.context().clearCookies();
      await page.goto("/sign-in");
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await signIn(page, clerk2);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await signOut(page);

      // Another user in the same browser gets their own language, not clerk2's.
      await signIn(page, DEMO_USERS.clerk.username);
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
      await signOut(page);

      // A different browser altogether.
      const other = await browser.newContext();
      const otherPage = await other.newPage();
      await signIn(otherPage, clerk2);
      await expect(otherPage.locator("html")).toHaveAttribute("lang", "en");
      await other.close();
    } finally {
      // Put clerk2 back to Chinese so the suite can run again on the same database.
      const restore = await browser.newContext();
      const restorePage = await restore.newPage();
      await signIn(restorePage, clerk2, DEMO_PASSWORD);
      if ((await restorePage.locator("html").getAttribute("lang")) === "en") await switchLocaleTo(restorePage, "zh-CN");
      await restore.close();
    }
  });
});
