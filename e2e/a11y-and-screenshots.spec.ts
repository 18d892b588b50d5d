import path from "node:path";
import type { Page } from "@playwright/test";
import type { TRole } from "../lib/domain/permissions";
import { ALL_ROLES, DEMO_USERS, expect, expectAt, expectNoSeriousA11yViolations, pathOf, test } from "./fixtures";

/**
 * Tours every page each role can reach, runs axe on each (zh-CN, and English for the pages
 * everyone sees first), and keeps full-page screenshots for the README in docs/screenshots/.
 */

const SCREENSHOTS = path.resolve(__dirname, "..", "docs", "screenshots");
test.use({ viewport: { width: 1280, height: 800 } });
// Each test tours several pages and runs axe on each: minutes, not seconds, on a busy 2-core box.
test.describe.configure({ timeout: 240_000 });

async function settle(page: Page) {
  await page.waitForLoadState("load");
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function screenshot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

/** Opens `url`, checks it landed on `expectPath` with a visible h1, and runs axe (soft: every page gets checked). */
async function visitAndCheck(page: Page, url: string, label: string, expectPath = url) {
  await test.step(label, async () => {
    const response = await page.goto(url);
    await expectAt(page, expectPath);
    expect(response?.status(), `${url} answered`).toBeLessThan(400);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await settle(page);
    await expectNoSeriousA11yViolations(page, label, { soft: true });
  });
}

/** The admin user id of a demo user, read off the users list. */
async function userIdOf(page: Page, username: string) {
  await page.goto(`/admin/users?q=${username}`);
  const href = await page.getByRole("link", { name: username, exact: true }).getAttribute("href");
  return href!.split("/").pop()!;
}

test.describe("sign-in page", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    test(`sign-in and its error state pass axe (${locale})`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      await visitAndCheck(page, "/sign-in", `sign-in ${locale}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      if (locale === "zh-CN") await screenshot(page, "sign-in");
      // With the error summary and field errors showing.
      await page.getByRole("button", { name: locale === "en" ? "Sign in" : "登录", exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: locale === "en" ? "Nothing was saved" : "提交失败" })).toBeVisible();
      await expectNoSeriousA11yViolations(page, `sign-in ${locale} with errors`, { soft: true });
      await visitAndCheck(page, "/forbidden", `forbidden (anonymous) ${locale}`);
    });
  }
});

test.describe("every page each role can reach", () => {
  for (const role of ALL_ROLES) {
    test(`${role}: every page in the navigation, password, second factor${role === "ADMIN" ? ", user new/detail" : ", forbidden"} pass axe`, async ({ asRole }) => {
      const page = await asRole(role);
      await visitAndCheck(page, "/", `home as ${role}`);
      // Whatever the navigation offers this role (home, roles, and the role's work areas).
      const nav = page.getByRole("navigation", { name: "主导航" });
      const hrefs = [...new Set((await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))).filter((h) => h.startsWith("/")))];
      expect(hrefs).toContain("/roles");
      for (const href of hrefs.filter((h) => h !== "/")) await visitAndCheck(page, href, `${href} as ${role}`);
      await visitAndCheck(page, "/account/password", `password as ${role}`);
      await visitAndCheck(page, "/mfa/enroll", `mfa enrolment as ${role}`);
      if (role !== "ADMIN") {
        await visitAndCheck(page, "/admin/users", `forbidden as ${role}`, "/forbidden");
        return;
      }
      expect(hrefs).toContain("/admin/users");
      await visitAndCheck(page, "/admin/users/new", "new user");
      await page.getByRole("button", { name: "创建用户" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "提交失败" })).toBeVisible();
      await expectNoSeriousA11yViolations(page, "new user with errors", { soft: true });
      const clerkId = await userIdOf(page, DEMO_USERS.clerk.username);
      await visitAndCheck(page, `/admin/users/${clerkId}`, "user detail");
      // The disable confirmation, open (then cancelled with Escape: nothing changes).
      await page.getByRole("button", { name: "停用账户" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectNoSeriousA11yViolations(page, "disable dialog", { soft: true });
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();
      await expect(page.locator("dl")).toContainText("在用");
    });
  }

  test("home passes axe in English too, for every role", async ({ asRole, baseURL }) => {
    for (const role of ALL_ROLES as TRole[]) {
      const page = await asRole(role);
      // The language cookie alone: the user's saved preference stays Chinese.
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
      await visitAndCheck(page, "/", `home as ${role} (en)`);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Hello, /);
    }
  });
});

test.describe("screenshots for the README", () => {
  test("home, roles, users, new user with errors, user detail (as admin, 1280×800)", async ({ asRole }) => {
    const page = await asRole("ADMIN");
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`您好，${DEMO_USERS.admin.displayName}`);
    await screenshot(page, "home-admin");

    await page.goto("/roles");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("角色与职责");
    await screenshot(page, "roles");

    await page.goto("/admin/users");
    await expect(page.getByRole("table")).toBeVisible();
    await screenshot(page, "users");

    await page.goto("/admin/users/new");
    await page.getByLabel("用户名", { exact: true }).fill("Bad Name!");
    await page.getByLabel("初始密码").fill("short");
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "提交失败" })).toBeVisible();
    await screenshot(page, "user-new-errors");

    await page.goto(`/admin/users/${await userIdOf(page, DEMO_USERS.clerk.username)}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO_USERS.clerk.displayName);
    await screenshot(page, "user-detail");
    expect(pathOf(page)).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
  });
});
