import AxeBuilder from "@axe-core/playwright";
import { test as base, expect as baseExpect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import type { TRole } from "../lib/domain/permissions";

/**
 * Shared helpers for the end-to-end suite. Everything goes through the UI the way a person would:
 * labels, the keyboard, what the screen says. Nothing here reaches into the database.
 */

/**
 * The suite shares two cores with builds and other test runs: assertions get 20 s (not the
 * config's 10 s) before they give up. Passing runs are not slowed down by this.
 */
export const expect = baseExpect.configure({ timeout: 20_000 });

export const DEMO_PASSWORD = "PayeeGuard-demo-1";

// Mirrors lib/server/demo/demo-users.ts (which is server-only and cannot be imported here).
export const DEMO_USERS = {
  clerk: { username: "clerk", displayName: "王录入", role: "CLERK" },
  clerk2: { username: "clerk2", displayName: "李录入", role: "CLERK" },
  supervisor: { username: "supervisor", displayName: "张主管", role: "SUPERVISOR" },
  supervisor2: { username: "supervisor2", displayName: "赵主管", role: "SUPERVISOR" },
  auditor: { username: "auditor", displayName: "陈稽核", role: "AUDITOR" },
  admin: { username: "admin", displayName: "刘管理", role: "ADMIN" },
} as const satisfies Record<string, { username: string; displayName: string; role: TRole }>;
export type DemoUsername = keyof typeof DEMO_USERS;

/** The demo user each role signs in as when a test only cares about the role. */
export const USER_FOR_ROLE: Record<TRole, DemoUsername> = {
  CLERK: "clerk",
  SUPERVISOR: "supervisor",
  AUDITOR: "auditor",
  ADMIN: "admin",
};
export const ALL_ROLES: readonly TRole[] = ["CLERK", "SUPERVISOR", "AUDITOR", "ADMIN"];

// Labels in both languages: a user's saved language decides which one the page shows.
const USERNAME_LABEL = /^(用户名|Username)$/;
const PASSWORD_LABEL = /^(密码|Password)$/;

/** A unique, valid username for data a test creates itself. */
export function uniqueName(prefix = "u") {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** Path of the page's current URL (no origin, no query). */
export function pathOf(page: Page) {
  return new URL(page.url()).pathname;
}

/**
 * Signs in through the sign-in form: fill 用户名/密码 by label, press Enter.
 * `expectPath` is where the app must land (default: home); pass null to assert nothing.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, options: { expectPath?: string | RegExp | null } = {}) {
  const expectPath = options.expectPath === undefined ? "/" : options.expectPath;
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel(USERNAME_LABEL).fill(username);
  const passwordField = page.getByLabel(PASSWORD_LABEL);
  await passwordField.fill(password);
  await passwordField.press("Enter");
  if (expectPath !== null) await expectAt(page, expectPath);
}

/** Asserts the page is at `path` (exact pathname, or a pattern for the pathname). */
export async function expectAt(page: Page, path: string | RegExp) {
  await expect.poll(() => pathOf(page), { message: `expected to be at ${path}`, timeout: 20_000 }).toMatch(typeof path === "string" ? new RegExp(`^${escapeRegExp(path)}$`) : path);
}

export function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Signs out with the header button; the app sends the browser to the sign-in page. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^(退出登录|Sign out)$/ }).click();
  await expectAt(page, "/sign-in");
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs in once in a throw-away context and returns its cookies, for `browser.newContext({ storageState })`. */
export async function storageStateFor(browser: Browser, username: string, password = DEMO_PASSWORD): Promise<StorageState> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, username, password);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** A fresh browser context (and page) signed in as `username`, via the UI. */
export async function signedInPage(browser: Browser, username: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return { context, page };
}

/** Presses Tab until `target` has focus; fails if the keyboard cannot reach it. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `could not reach ${target} with the Tab key`).toBeFocused({ timeout: 1 });
}

/**
 * Runs axe (WCAG 2.x A/AA + best practice) and fails on any `serious` or `critical` violation,
 * listing each one with the elements it hit. Minor/moderate ones are only printed. `soft` records
 * the failure and lets the test go on (to check every page of a tour in one run).
 */
export async function expectNoSeriousA11yViolations(page: Page, label = pathOf(page), options: { soft?: boolean } = {}) {
  // A page refreshed after an action renders its <title> again: axe reads the settled page, and a
  // page with no title still fails here.
  await expect(page, `${label} has no title`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const describe = (v: (typeof results.violations)[number]) =>
    [
      `  [${v.impact}] ${v.id}: ${v.help}`,
      `    ${v.helpUrl}`,
      ...v.nodes.slice(0, 8).map((n) => `    - ${n.target.join(" ")}\n      ${n.failureSummary?.split("\n").join("\n      ") ?? ""}`),
      ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
    ].join("\n");
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const minor = results.violations.filter((v) => !serious.includes(v));
  if (minor.length) console.log(`axe (${label}): ${minor.length} minor/moderate issue(s):\n${minor.map(describe).join("\n")}`);
  const check = options.soft ? expect.soft : expect;
  check(
    serious.map((v) => `${v.impact} ${v.id}`),
    `axe found serious/critical accessibility violations on ${label}:\n${serious.map(describe).join("\n")}\n`,
  ).toEqual([]);
}

/**
 * `asRole(role)` gives a page signed in as that role's demo user. Each role signs in once per
 * test file (the session is kept as a storage state) so the suite stays fast.
 */
type Fixtures = { asRole: (role: TRole) => Promise<Page> };
type WorkerFixtures = { roleStates: Map<TRole, Promise<StorageState>> };

export const test = base.extend<Fixtures, WorkerFixtures>({
  roleStates: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(new Map());
    },
    { scope: "worker" },
  ],
  asRole: async ({ browser, roleStates }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (role) => {
      let state = roleStates.get(role);
      if (!state) {
        state = storageStateFor(browser, USER_FOR_ROLE[role]);
        roleStates.set(role, state);
      }
      const context = await browser.newContext({ storageState: await state });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});
